package org.chartscribe.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON bodies must be well-formed UTF-8. Jackson's byte decoder is lenient: it reads overlong forms
 * ({@code C0 80} as NUL, {@code C1 81} as "A") and encoded surrogates ({@code ED A0 80}) as if they
 * were characters. Here a body that the JDK's strict decoder rejects has each malformed sequence
 * replaced by U+FFFD, which the field validation then refuses by name (as it would from a FHIR body,
 * whose reader replaces them the same way). Well-formed bodies pass through untouched.
 */
@ControllerAdvice
class StrictUtf8BodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        if (!StandardCharsets.UTF_8.equals(charset)) {
            return input; // read by a Reader in that charset, which is strict enough
        }
        // Bounded: RequestSizeLimitFilter stops the read at the configured body limit.
        byte[] body = input.getBody().readAllBytes();
        byte[] wellFormed = isWellFormed(body) ? body : new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(wellFormed);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    static boolean isWellFormed(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
