package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
}
