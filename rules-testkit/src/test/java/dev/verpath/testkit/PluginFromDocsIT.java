package dev.verpath.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin project of docs/plugins.md, as a team would make it: its pom, rule set and test copied out of the
 * page into an empty folder with a fixture, built by Maven against the artifacts this build just made (in a
 * local repository of the test's own; every other artifact from the machine's Maven repository, no network),
 * its test-kit test run, its jar checked and loaded by the engine, and built a second time to the same bytes.
 */
class PluginFromDocsIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String SECTION = "## A plugin project, complete";
    private static final Pattern BLOCK = Pattern.compile("```(xml|java)\\n(?:<!-- |// )(\\S+)(?: -->)?\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void theDocumentedPluginBuildsPassesItsTestsAndBuildsToTheSameBytesTwice() throws Exception {
        Path project = work.resolve("gateway-rules");
        Map<String, String> files = documentedFiles();
        assertThat(files).containsOnlyKeys("pom.xml", "src/main/java/com/example/gateway/GatewayRules.java",
                "src/test/java/com/example/gateway/GatewayRulesTest.java");
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(project.resolve(file.getKey()), file.getValue());
        }
        Path fixture = project.resolve("src/test/resources/step-1.0.0-to-2.0.0/sets-timeout-renames-ts");
        write(fixture.resolve("before/VERSION"), "gateway 1.0.0\n");
        write(fixture.resolve("before/config/gateway.toml"), "# the gateway\n[server]\nport = 8080\n");
        write(fixture.resolve("before/data/events.jsonl"), "{\"ts\":1,\"route\":\"/a\"}\n{\"id\":2,\"ts\":2}\n");
        write(fixture.resolve("after/VERSION"), "gateway 2.0.0\n");
        write(fixture.resolve("after/config/gateway.toml"), "# the gateway\n[server]\nport = 8080\ntimeout_ms = 500\n");
        write(fixture.resolve("after/data/events.jsonl"), "{\"timestamp\":1,\"route\":\"/a\"}\n{\"id\":2,\"timestamp\":2}\n");
        Path untimed = project.resolve("src/test/resources/step-1.0.0-to-2.0.0/a-record-without-time-fails");
        write(untimed.resolve("before/VERSION"), "gateway 1.0.0\n");
        write(untimed.resolve("before/data/events.jsonl"), "{\"ts\":1}\n{\"id\":2}\n");
        write(untimed.resolve("case.properties"), "failure=data/events.jsonl:2: record does not match 2.0.0 (gateway.2.0.0.timestamps): the record has no timestamp\n");
        Path settings = repositories();

        String first = maven(project, settings);
        Path jar = project.resolve("target/gateway-rules-1.0.0.jar");
        assertThat(jar).as(first).exists();
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.gateway.GatewayRulesTest.xml")))
                .contains("tests=\"3\"").contains("failures=\"0\"").contains("errors=\"0\"").contains("skipped=\"0\"");
        byte[] firstJar = Files.readAllBytes(jar);
        Attributes manifest = PluginArchiveCheck.of(jar).checkContents("gateway-rules", "com.example.gateway.GatewayRules");
        assertThat(manifest.getValue("Verpath-Rules-Api")).isEqualTo(">=" + dev.verpath.rules.RulesApi.VERSION + " <3.0.0");
        assertThat(PluginArchiveCheck.of(jar).load("gateway-rules", work.resolve("load")).versions("gateway"))
                .containsExactly("1.0.0", "2.0.0");

        deleteTree(project.resolve("target"));
        String second = maven(project, settings);
        assertThat(Files.readAllBytes(jar)).as(second).isEqualTo(firstJar);
    }

    private static Map<String, String> documentedFiles() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/plugins.md"));
        int start = page.indexOf(SECTION);
        assertThat(start).as("docs/plugins.md has a section '%s'", SECTION).isNotNegative();
        int end = page.indexOf("\n## ", start + SECTION.length());
        Matcher blocks = BLOCK.matcher(page.substring(start, end < 0 ? page.length() : end));
        Map<String, String> files = new LinkedHashMap<>();
        while (blocks.find()) {
            files.put(blocks.group(2), blocks.group(3));
        }
        return files;
    }

    /** A local repository holding this build's artifacts, and settings that take every other one from the machine's. */
    private Path repositories() throws IOException {
        String verpath = System.getProperty("verpath.version");
        String api = System.getProperty("verpath.rules-api.version");
        Path repo = work.resolve("repo");
        install(repo, "verpath-parent", verpath, ROOT.resolve("pom.xml"), null);
        install(repo, "verpath-plugin-parent", api, ROOT.resolve("plugin-parent/pom.xml"), null);
        install(repo, "rules-api", api, ROOT.resolve("rules-api/pom.xml"), ROOT.resolve("rules-api/target/rules-api-" + api + ".jar"));
        install(repo, "engine", verpath, ROOT.resolve("engine/pom.xml"), ROOT.resolve("engine/target/engine-" + verpath + ".jar"));
        install(repo, "rules-testkit", verpath, ROOT.resolve("rules-testkit/pom.xml"),
                ROOT.resolve("rules-testkit/target/rules-testkit-" + verpath + ".jar"));
        String machine = Path.of(System.getProperty("verpath.maven.repository")).toUri().toString();
        String repository = "<id>central</id><url>" + machine + "</url><releases><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, "<settings><localRepository>" + repo + "</localRepository><profiles><profile><id>machine</id>"
                + "<repositories><repository>" + repository + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>machine</activeProfile></activeProfiles></settings>");
        return settings;
    }

    private static void install(Path repo, String artifact, String version, Path pom, Path jar) throws IOException {
        Path folder = Files.createDirectories(repo.resolve("dev/verpath").resolve(artifact).resolve(version));
        Files.copy(pom, folder.resolve(artifact + "-" + version + ".pom"));
        if (jar != null) {
            assertThat(jar).as("built by this reactor before the integration tests").exists();
            Files.copy(jar, folder.resolve(artifact + "-" + version + ".jar"));
        }
    }

    private String maven(Path project, Path settings) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-s", settings.toString(), "package"));
        Path log = work.resolve("maven.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException notOnPath) {
            Assumptions.abort("skipped: building the documented plugin needs mvn on the PATH (" + notOnPath.getMessage() + ")");
            throw notOnPath;
        }
        process.getOutputStream().close();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("mvn package finished in time: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
