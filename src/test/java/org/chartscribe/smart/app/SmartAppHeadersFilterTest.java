package org.chartscribe.smart.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmartAppHeadersFilterTest {

    @Test
    void frameAncestorsDefaultToSelfAndTakeAConfiguredSourceList() {
        assertThat(new SmartAppHeadersFilter("'self'").contentSecurityPolicy()).endsWith("frame-ancestors 'self'");
        assertThat(new SmartAppHeadersFilter("").contentSecurityPolicy()).endsWith("frame-ancestors 'self'");
        assertThat(new SmartAppHeadersFilter("'self', https://*.epic.com  https://ehr.example.org:8443")
                .contentSecurityPolicy())
                .endsWith("frame-ancestors 'self' https://*.epic.com https://ehr.example.org:8443")
                .contains("script-src 'self'", "default-src 'self'")
                .doesNotContain("unsafe");
    }

    @Test
    void refusesAValueThatWouldAddDirectives() {
        assertThatThrownBy(() -> new SmartAppHeadersFilter("'self'; script-src *"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CHARTSCRIBE_SMART_FRAME_ANCESTORS");
        assertThatThrownBy(() -> new SmartAppHeadersFilter("https://a.example\r\nX-Evil: 1"))
                .isInstanceOf(IllegalStateException.class);
    }
}
