package org.chartscribe.smart.app;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the clinician app (the repository's {@code smart-launch/} folder, packed into the jar as
 * {@code static-smart/}) at {@code /smart/app/}, and guards its API. The security headers are set by
 * {@link SmartAppHeadersFilter}.
 */
@Configuration
class SmartAppWebConfig implements WebMvcConfigurer {
    static final String APP_LOCATION = "classpath:/static-smart/";

    private final SessionGuard guard;

    SmartAppWebConfig(SessionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns("/smart/api/**");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Scripts and styles are revalidated every time: an EHR frame that kept an old app.js next to a
        // new API would misbehave. index.html is answered by the view controller below (never cached).
        registry.addResourceHandler("/smart/app/**")
                .addResourceLocations(APP_LOCATION)
                .setCacheControl(CacheControl.maxAge(Duration.ZERO).mustRevalidate());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // Relative links in index.html need the trailing slash.
        registry.addRedirectViewController("/smart/app", "/smart/app/");
    }
}
