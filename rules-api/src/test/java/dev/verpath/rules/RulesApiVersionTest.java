package dev.verpath.rules;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class RulesApiVersionTest {

    @Test
    void theConstantPluginsAreCheckedAgainstIsTheArtifactsOwnVersion() {
        String maven = System.getProperty("verpath.rules-api.maven-version");

        assertThat(maven).as("set by the build (surefire's systemPropertyVariables)").isNotBlank();
        assertThat(RulesApi.VERSION).isEqualTo(maven.replaceFirst("-SNAPSHOT$", ""));
    }
}
