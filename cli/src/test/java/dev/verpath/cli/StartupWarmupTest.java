package dev.verpath.cli;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class StartupWarmupTest {

    @Test
    void aCommandOnAnInstallationWarmsItsParsers() {
        assertThat(StartupWarmup.readsAnInstallation(new String[] {"version", "--to", "2.1.0"})).isTrue();
        assertThat(StartupWarmup.readsAnInstallation(new String[] {"--quiet", "data", "--data-path", "d"})).isTrue();
        assertThat(StartupWarmup.readsAnInstallation(new String[] {"info", "--path", "/srv/serve"})).isTrue();
        assertThat(StartupWarmup.readsAnInstallation(new String[] {"info", "--path=/srv/serve"})).isTrue();
    }

    @Test
    void aCommandWithoutAnInstallationWarmsLoggingAlone() {
        assertThat(StartupWarmup.readsAnInstallation(new String[] {"info", "--from", "0.1.0", "--to", "2.1.0"})).isFalse();
        assertThat(StartupWarmup.readsAnInstallation(new String[] {"graph", "--product", "serve"})).isFalse();
        assertThat(StartupWarmup.readsAnInstallation(new String[] {"plugins", "list"})).isFalse();
    }
}
