package org.chartscribe.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfig implements WebMvcConfigurer {
    private final ApiKeyAuthInterceptor auth;

    WebConfig(ApiKeyAuthInterceptor auth) {
        this.auth = auth;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Every /v1 call needs a key except the public specialty catalogue.
        registry.addInterceptor(auth).addPathPatterns("/v1/**").excludePathPatterns("/v1/specialties");
    }
}
