package org.chartscribe.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that happen outside Spring MVC (in the container or a filter) as problem+json too,
 * or as an OperationOutcome when the failed request was for {@code /fhir}, instead of Boot's default
 * error page, without echoing the failed request. Called directly ({@code GET /error}), it is not an
 * endpoint: 404.
 */
@Hidden // the servlet container's error page, not an endpoint clients call
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(status instanceof Integer code)) {
            return answer(ContainerErrorBodies.of(request.getRequestURI(), 404), 404);
        }
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return answer(ContainerErrorBodies.of(failedPath instanceof String path ? path : null, code), code);
    }

    private static ResponseEntity<byte[]> answer(ContainerErrorBodies.Body body, int status) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, body.contentType()).body(body.bytes());
    }
}
