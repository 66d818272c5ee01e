package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Test;

class LocalKeyConsoleTest {

    @Test
    void theBannerNamesTheJarTheServerRunsFromOrTheOneTheBuildMakes() {
        assertThat(LocalKeyConsole.jarPath("target/chartscribe.jar")).isEqualTo("target/chartscribe.jar");
        assertThat(LocalKeyConsole.jarPath("/opt/chartscribe/app.jar")).isEqualTo("/opt/chartscribe/app.jar");
        assertThat(LocalKeyConsole.jarPath("target/classes" + File.pathSeparator + "lib/a.jar"))
                .isEqualTo("target/chartscribe.jar");
    }
}
