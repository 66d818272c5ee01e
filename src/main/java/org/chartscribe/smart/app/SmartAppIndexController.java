package org.chartscribe.smart.app;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /smart/app/} is the app's page; never cached, so a new release is picked up at the next launch. */
@Controller
class SmartAppIndexController {
    private static final Resource INDEX = new ClassPathResource("static-smart/index.html");

    @GetMapping({"/smart/app/", "/smart/app/index.html"})
    ResponseEntity<Resource> index() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(INDEX);
    }
}
