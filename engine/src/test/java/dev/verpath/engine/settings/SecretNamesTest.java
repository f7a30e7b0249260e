package dev.verpath.engine.settings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Which names hide their values in the audit trail and snapshots. */
class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"--api-key", "--token", "flags.WAN_AUTH_TOKEN", "HF_TOKEN", "db.password", "apiKey",
            "--client-secret", "AWS_SECRET_ACCESS_KEY", "credentials"})
    void namesThatSaySecret(String name) {
        assertThat(SecretNames.secret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--keep", "backup.keep_last", "--backup-id", "--path", "monkey", "tokenizer.json",
            "--passes"})
    void namesThatDoNot(String name) {
        assertThat(SecretNames.secret(name)).isFalse();
    }

    @Test
    void aUrlsPasswordIsHidden() {
        assertThat(SecretNames.shown("plugins.dir", "https://ops:hunter2@repo.example/x"))
                .isEqualTo("https://ops:***@repo.example/x");
        assertThat(SecretNames.shown("flags.HF_TOKEN", "hf_abc")).isEqualTo("***");
    }
}
