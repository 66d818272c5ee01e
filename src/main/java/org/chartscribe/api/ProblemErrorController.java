package org.chartscribe.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that happen outside Spring MVC (in the container or a filter) as problem+json too,
 * instead of Boot's default error page, without echoing the failed request.
 */
@Hidden // the servlet container's error page, not an endpoint clients call
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Problems.Problem> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        ProblemCode problem = Arrays.stream(ProblemCode.values())
                .filter(p -> p.status().value() == code).findFirst()
                .orElse(code >= 500 ? ProblemCode.INTERNAL_ERROR : ProblemCode.VALIDATION_ERROR);
        return Problems.response(problem, problem == ProblemCode.INTERNAL_ERROR
                ? "An unexpected error occurred." : problem.title() + ".", List.of());
    }
}
