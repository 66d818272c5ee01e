package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.chartscribe.FuzzBudget;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The body of {@code POST /v1/note} from bytes to a validated request, through the same pieces Spring MVC
 * puts in its path: the strict UTF-8 advice, Jackson as {@link JacksonConfig} configures it, the message
 * converter and {@link NoteRequestValidator}. Only the documented failures may come out (an unreadable body,
 * answered 400 by {@link ApiExceptionHandler}; a validation problem, 400 or 422), never anything that
 * would reach the 500 handler. Seeds: NoteRequestFuzzTestInputs/readAndValidate/ (JSON files).
 */
class NoteRequestFuzzTest {
    private static final ObjectMapper MAPPER = mapper();
    private static final MappingJackson2HttpMessageConverter CONVERTER = new MappingJackson2HttpMessageConverter(MAPPER);
    private static final StrictUtf8BodyAdvice UTF8 = new StrictUtf8BodyAdvice();
    private static final ApiExceptionHandler HANDLER = new ApiExceptionHandler();

    @DictionaryEntries({"\"transcript\"", "\"specialty\"", "\"template\"", "\"include_billing_codes\"", "\"engine\"",
            "\"patient\"", "\"age\"", "\"sex\"", "\"generic\"", "\"birp\"", "\"psychotherapist\"", "\"embedded\"", "\"female\"",
            "true", "null", "1e999", "\\\\u0000", "\\\\ud800", "[", "{", "}"})
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void readAndValidate(byte[] body) throws Exception {
        FuzzBudget.inTime(() -> readAndValidateOnce(body));
    }

    private static void readAndValidateOnce(byte[] body) throws IOException {
        NoteRequestBody read;
        try {
            HttpInputMessage message = UTF8.beforeBodyRead(json(body), null, NoteRequestBody.class,
                    MappingJackson2HttpMessageConverter.class);
            read = (NoteRequestBody) readAsSpringDoes(message);
        } catch (HttpMessageNotReadableException unreadable) {
            ResponseEntity<Problems.Problem> answer = HANDLER.unreadable(unreadable);
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            return;
        }
        if (read == null) {
            return; // an empty body: Spring answers "A JSON request body is required" before the controller
        }
        try {
            NoteRequestValidator.validate(read);
        } catch (ApiException refused) {
            assertThat(refused.code().status().value()).isIn(400, 422);
        }
    }

    /**
     * Spring's argument resolver turns any I/O failure of the converter into an unreadable body (a body that
     * Jackson's encoding detection reads as UTF-16 or UTF-32 fails with an IOException, not a JSON error).
     */
    private static Object readAsSpringDoes(HttpInputMessage message) {
        try {
            return CONVERTER.read(NoteRequestBody.class, message);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException("I/O error while reading input message", e, message);
        }
    }

    /** Spring Boot's builder defaults plus the application's customizer, as JacksonAutoConfiguration applies them. */
    private static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new JacksonConfig().strictScalarTypes().customize(builder);
        return builder.build();
    }

    private static HttpInputMessage json(byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
