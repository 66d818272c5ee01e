package org.chartscribe.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes the OpenAPI document say what {@code /v1} really answers: every operation declares its
 * problem+json error responses with an example per {@code code}, DELETE declares its 204 (springdoc
 * would say 200 for a {@code ResponseEntity<Void>}), and a section's evidence says when it may be empty.
 * Kept in one place so the controllers stay readable; {@code OpenApiDocumentIT} holds it to the API.
 */
@Component
class OpenApiProblems implements OpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.readOperationsMap().forEach((method, operation) -> declare(path, method, operation));
            }
        });
        Schema<?> section = openApi.getComponents().getSchemas().get("NoteSection");
        if (section != null && section.getProperties() != null && section.getProperties().get("evidence") != null) {
            section.getProperties().get("evidence").setDescription("Transcript spans (UTF-16 offsets, end exclusive) "
                    + "supporting the section. The embedded engine gives every section evidence, assessment problems "
                    + "included, except a 'No ... documented in the transcript.' placeholder where nothing was said. "
                    + "An LLM section has none when the model quoted nothing for it ('Not discussed.') or none of its "
                    + "quotes is in the transcript (then an EVIDENCE_NOT_FOUND warning says so).");
        }
    }

    private static void declare(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (method == PathItem.HttpMethod.DELETE) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("Deleted: the content is destroyed"));
        }
        for (Map.Entry<String, List<ProblemCode>> entry : problems(path, method).entrySet()) {
            ApiResponse response = responses.computeIfAbsent(entry.getKey(),
                    status -> new ApiResponse().description(describe(entry.getValue())));
            MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
            for (ProblemCode code : entry.getValue()) {
                media.addExamples(code.name(), new Example().summary(code.title()).value(example(code)));
            }
            response.setContent(new Content().addMediaType(PROBLEM_JSON, media));
        }
    }

    /** The problems each operation can answer, by status; see the README's error table. */
    static Map<String, List<ProblemCode>> problems(String path, PathItem.HttpMethod method) {
        List<ProblemCode> codes = new ArrayList<>();
        boolean specialties = path.equals("/v1/specialties");
        boolean oneNote = path.startsWith("/v1/note/");
        if (!specialties) {
            codes.add(ProblemCode.VALIDATION_ERROR);
            codes.add(ProblemCode.AUTHENTICATION_ERROR);
        }
        if (oneNote) {
            codes.add(ProblemCode.NOT_FOUND);
            codes.add(ProblemCode.GONE);
        }
        if (path.startsWith("/v1/jobs/")) {
            codes.add(ProblemCode.NOT_FOUND);
        }
        codes.add(ProblemCode.METHOD_NOT_ALLOWED);
        if (method == PathItem.HttpMethod.POST) {
            codes.addAll(List.of(ProblemCode.REQUEST_TIMEOUT, ProblemCode.PAYLOAD_TOO_LARGE,
                    ProblemCode.UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNPROCESSABLE_CONTENT, ProblemCode.UPSTREAM_ERROR,
                    ProblemCode.ENGINE_UNAVAILABLE));
        }
        codes.addAll(List.of(ProblemCode.RATE_LIMITED, ProblemCode.SERVER_BUSY, ProblemCode.INTERNAL_ERROR));
        Map<String, List<ProblemCode>> byStatus = new LinkedHashMap<>();
        for (ProblemCode code : codes) {
            byStatus.computeIfAbsent(Integer.toString(code.status().value()), s -> new ArrayList<>()).add(code);
        }
        return byStatus;
    }

    private static String describe(List<ProblemCode> codes) {
        return String.join(" or ", codes.stream().map(ProblemCode::name).toList());
    }

    private static Problems.Problem example(ProblemCode code) {
        String detail = switch (code) {
            case VALIDATION_ERROR -> "The request is not valid; see errors.";
            case AUTHENTICATION_ERROR -> "A valid API key is required: 'Authorization: Bearer <key>'.";
            case NOT_FOUND -> "No such note.";
            case GONE -> "The note was deleted or has expired.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case REQUEST_TIMEOUT -> "The request body did not arrive in time.";
            case PAYLOAD_TOO_LARGE -> "The body exceeds the size limit.";
            case UNSUPPORTED_MEDIA_TYPE -> "The body must be application/json.";
            case UNPROCESSABLE_CONTENT -> "The transcript has no words to chart.";
            case UPSTREAM_ERROR -> "The LLM did not answer with a valid note.";
            case ENGINE_UNAVAILABLE -> "No LLM engine is configured.";
            case RATE_LIMITED -> "Too many requests; retry after the time in Retry-After.";
            case SERVER_BUSY -> "The server is at capacity; retry after the time in Retry-After.";
            default -> "An internal error occurred; quote the X-Request-Id.";
        };
        List<FieldError> errors = code == ProblemCode.VALIDATION_ERROR
                ? List.of(new FieldError("transcript", "must be 50 to 200000 characters")) : null;
        return Problems.body(code, detail, errors);
    }
}
