package dev.verpath.engine.validate;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class EngineChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"model.safetensors", "CONFIG.txt", "com10.txt", "console", "nullable.json", ".env", "a b.txt"})
    void namesWindowsAccepts(String name) {
        assertThat(CompatibilityChecks.windowsProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Nul.txt", "COM1", "lpt9.log", "AUX .txt", "a:b", "what?", "x*", "dot.", "space ",
        "back\\slash", "bell\u0007"})
    void namesWindowsRefuses(String name) {
        assertThat(CompatibilityChecks.windowsProblem(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "API-KEY", "apikey", "token", "hf_token", "HF_TOKEN", "password", "db_password",
        "client_secret", "private_key"})
    void keysNamedLikeSecrets(String key) {
        assertThat(SecurityChecks.secretName(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pad_token_id", "max_tokens", "tokenizer", "password_min_length", "api_prefix", "key"})
    void keysThatAreNotSecrets(String key) {
        assertThat(SecurityChecks.secretName(key)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "models/a|w.bin|models/a/w.bin",
        "models/a|./sub/w.bin|models/a/sub/w.bin",
        "models/a|../b/w.bin|models/b/w.bin",
        "|data/x.jsonl|data/x.jsonl",
        "models/a|..\\b\\w.bin|models/b/w.bin"})
    void listedPathsInsideTheRootResolve(String folder, String listed, String resolved) {
        assertThat(MetadataRecords.resolve(folder == null ? "" : folder, listed)).contains(resolved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../etc/passwd", "/etc/passwd", "\\\\server\\share\\x", "C:\\x.bin", "c:/x.bin",
        "..\\..\\..\\x"})
    void listedPathsOutsideTheRootDoNot(String listed) {
        assertThat(MetadataRecords.resolve("models/a", listed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1000, 1000 B", "1536, 1.5 KiB", "65536, 64 KiB", "1073741824, 1 GiB", "2147483648, 2 GiB"})
    void byteCountsReadAsUnits(long bytes, String text) {
        assertThat(PerformanceChecks.bytes(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"café.txt, true", "世界.json, true", "plain, true", "bad\uFFFD.txt, false"})
    void namesAreCheckedForUtf8(String name, boolean valid) {
        assertThat(CompatibilityChecks.validUtf8(name)).isEqualTo(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://models.example.org/x", "http://user@10.0.0.1:8080/", "http://localhost.example.com/"})
    void plainHttpSourcesAreFound(String url) {
        assertThat(SecurityChecks.plainHttpIn("source = \"" + url + "\"")).isEqualTo(Optional.of(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/health", "http://127.0.0.1/", "http://[::1]:9000/", "https://models.example.org/",
        "http://api.localhost/"})
    void secureOrLocalSourcesAreNot(String url) {
        assertThat(SecurityChecks.plainHttpIn("source = \"" + url + "\"")).isEmpty();
    }
}
