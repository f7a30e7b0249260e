package dev.verpath.cli;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line the audit trail writes never holds a secret. */
class CommandLineTextTest {

    @Test
    void hidesTheValuesOfOptionsWhoseNameSaysSecret() {
        assertThat(CommandLineText.withoutSecrets(List.of("version", "--path", "inst", "--api-key", "sk-1",
                "--token=abc", "--client-secret", "s3", "--keep", "k")))
                .containsExactly("version", "--path", "inst", "--api-key", "***", "--token=***", "--client-secret", "***",
                        "--keep", "k");
    }

    @Test
    void hidesSecretAssignmentsAndUrlPasswords() {
        assertThat(CommandLineText.withoutSecrets(List.of("HF_TOKEN=hf_x", "--plugins-dir",
                "https://ops:hunter2@repo.example/p", "MODE=fast")))
                .containsExactly("HF_TOKEN=***", "--plugins-dir", "https://ops:***@repo.example/p", "MODE=fast");
    }
}
