package org.chartscribe.traffic;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chartscribe.store.ApiKeyStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Rate and in-flight limits, the body deadline, and the Tomcat settings they rely on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrafficProperties.class)
class TrafficConfig {

    @Bean
    RateLimits rateLimits(TrafficProperties settings) {
        return new RateLimits(settings, TimeMeter.SYSTEM_NANOTIME);
    }

    @Bean
    ApiKeyAdmission apiKeyAdmission(ApiKeyStore keys, RateLimits limits) {
        return new ApiKeyAdmission(keys, limits);
    }

    /** Right after the request id (so refusals are in the access log), before anything reads a body. */
    @Bean
    FilterRegistrationBean<TrafficFilter> trafficFilter(TrafficProperties settings, RateLimits limits,
                                                    ObjectProvider<MeterRegistry> meters,
                                                    org.chartscribe.config.AudioProperties audio) {
        InFlightLimits inFlight = new InFlightLimits(settings.maxInFlight(), settings.maxInFlightPerAddress());
        FilterRegistrationBean<TrafficFilter> registration =
                new FilterRegistrationBean<>(new TrafficFilter(limits, inFlight, settings.bodyDeadline(),
                        audio.uploadDeadline(), meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Tomcat waits at most {@code body-idle-timeout} for the next bytes of a body (its upload timeout,
     * instead of the connection timeout), and never drains an unread body on a worker thread.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trafficTomcat(TrafficProperties settings) {
        return factory -> {
            factory.addEngineValves(new UnreadBodyValve());
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("disableUploadTimeout", "false");
                connector.setProperty("connectionUploadTimeout", Long.toString(settings.bodyIdleTimeout().toMillis()));
            });
        };
    }
}
