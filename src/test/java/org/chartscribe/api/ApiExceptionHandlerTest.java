package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Multipart failures happen only where a handler reads multipart (none yet): checked here without one. */
class ApiExceptionHandlerTest {
    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aMultipartBodyOverTheUploadLimitIs413() {
        var answer = handler.uploadTooLarge(new MaxUploadSizeExceededException(1024));
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void anUnreadableMultipartBodyIs400() {
        var answer = handler.unreadableMultipart(new MultipartException("boundary missing"));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().detail()).doesNotContain("boundary");
    }

    /** Found by NoteRequestFuzzTest (seed utf32-looking-body.bin): it was "A JSON request body is required." */
    @Test
    void aBodyJacksonReadsAsUtf32IsSaidToNeedUtf8() {
        byte[] body = {0x11, 0, 0, 0, 0, 0, 0, 0, 's', 't', 'r', 'i', 0, 0, 'n', 'g', '"'};
        IOException failure = null;
        try {
            new ObjectMapper().readValue(body, Map.class);
        } catch (IOException e) {
            failure = e;
        }
        assertThat(failure).isInstanceOf(java.io.CharConversionException.class);
        var answer = handler.unreadable(new HttpMessageNotReadableException("I/O error while reading input message", failure, null));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().detail()).isEqualTo("The request body must be JSON encoded as UTF-8.");
    }
}
