package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verpath.testsupport.HostProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Ansible rollout of deploy/ansible (rollout.yml and the verpath_migrate role), run for real with
 * {@code ansible-playbook} against six hosts on this machine ({@code ansible_connection=local}, each with its own
 * installation). Skipped, saying so, where ansible-playbook is not installed (.ci/run installs ansible-core and runs
 * it again).
 */
class AnsibleRolloutIT {

    private static final int HOSTS = 6;
    private static final Path DEPLOY = Path.of("..", "deploy", "ansible").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @BeforeAll
    static void ansibleIsInstalled() {
        assumeTrue(HostProgram.run("sh", "-c", "command -v ansible-playbook").exit() == 0,
                "ansible-playbook is not installed (apt-get install ansible-core): the rollout is not tried here");
    }

    /** What one ansible-playbook run printed, and how it ended. */
    private record Playbook(int exit, String output) {
    }

    @Test
    void aBrokenHostStopsTheRolloutAfterItsBatchIsRolledBackAndLeavesTheRestUntouched() throws Exception {
        // host-2 is the second batch (one canary, then 25% of six: one host); its service never becomes healthy
        Files.writeString(work.resolve("unhealthy.toml"), "[health]\ncommand = [\"false\"]\nretries = 1\n");
        Map<String, SortedMap<String, String>> before = installations(Map.of("host-2", "verpath_config="
                + work.resolve("unhealthy.toml")));

        Playbook run = playbook();

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(version("host-1")).isEqualTo("2.1.0");
        assertThat(version("host-2")).as("rolled back").isEqualTo("0.1.0");
        assertThat(TreeSignature.of(installation("host-2"))).isEqualTo(before.get("host-2"));
        for (int i = 3; i <= HOSTS; i++) {
            Path inst = installation("host-" + i);
            assertThat(TreeSignature.of(inst)).as("host-%d untouched", i).isEqualTo(before.get("host-" + i));
            assertThat(inst.resolve(".migrate")).as("host-%d never ran migrate version", i).doesNotExist();
        }
        JsonNode host2 = new ObjectMapper().readTree(work.resolve("report/host-2.json").toFile());
        assertThat(host2.path("outcome").asText()).isEqualTo("rolled-back-unhealthy");
        assertThat(host2.path("exit_code").asInt()).isEqualTo(6);
        assertThat(host2.path("changed").asBoolean()).isFalse();
        assertThat(work.resolve("report/host-3.json")).doesNotExist();
    }

    @Test
    void aHealthyFleetMigratesInBatchesAndASecondRunChangesNothing() throws Exception {
        installations(Map.of());

        Playbook first = playbook();
        Playbook second = playbook();

        assertThat(first.exit()).as(first.output()).isZero();
        for (int i = 1; i <= HOSTS; i++) {
            assertThat(version("host-" + i)).isEqualTo("2.1.0");
        }
        JsonNode fleet = new ObjectMapper().readTree(work.resolve("report/fleet.json").toFile());
        assertThat(fleet).hasSize(HOSTS).allSatisfy(h -> assertThat(h.path("outcome").asText()).isEqualTo("completed"));
        for (int i = 1; i <= HOSTS; i++) {
            assertThat(first.output()).containsPattern("host-" + i + " +: ok=\\d+ +changed=1 ");
        }
        assertThat(second.exit()).as(second.output()).isZero();
        for (int i = 1; i <= HOSTS; i++) {
            assertThat(second.output()).containsPattern("host-" + i + " +: ok=\\d+ +changed=0 ");
        }
        JsonNode again = new ObjectMapper().readTree(work.resolve("report/fleet.json").toFile());
        assertThat(again).hasSize(HOSTS).allSatisfy(h -> assertThat(h.path("changed").asBoolean()).isFalse());
    }

    @Test
    void aFleetOfReleaseLinksBuildsAndSwitchesEachHostAndASecondRunChangesNothing() throws Exception {
        Map<String, SortedMap<String, String>> before = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of("[serving]"));
        for (int i = 1; i <= HOSTS; i++) {
            String host = "host-" + i;
            Path release = Files.createDirectories(work.resolve(host).resolve("releases/0.1.0"));
            DemoInstallation.write(release);
            before.put(host, TreeSignature.of(release));
            Files.createSymbolicLink(work.resolve(host).resolve("current"), release);
            lines.add(host + " ansible_connection=local verpath_link=" + work.resolve(host).resolve("current"));
        }
        inventory(lines);

        Playbook first = playbook();
        JsonNode fleet = new ObjectMapper().readTree(work.resolve("report/fleet.json").toFile());
        Playbook second = playbook();

        assertThat(first.exit()).as(first.output()).isZero();
        for (int i = 1; i <= HOSTS; i++) {
            Path host = work.resolve("host-" + i);
            assertThat(host.resolve("current").toRealPath()).isEqualTo(host.resolve("releases/2.1.0").toRealPath());
            assertThat(TreeSignature.of(host.resolve("releases/0.1.0"))).as("the old release is never written")
                    .isEqualTo(before.get("host-" + i));
            assertThat(first.output()).containsPattern("host-" + i + " +: ok=\\d+ +changed=1 ");
        }
        assertThat(fleet).hasSize(HOSTS).allSatisfy(h -> {
            assertThat(h.path("outcome").asText()).isEqualTo("completed");
            assertThat(h.path("from").asText()).isEqualTo("0.1.0");
            assertThat(h.path("release").asText()).endsWith("/releases/2.1.0");
        });
        assertThat(second.exit()).as(second.output()).isZero();
        for (int i = 1; i <= HOSTS; i++) {
            assertThat(second.output()).containsPattern("host-" + i + " +: ok=\\d+ +changed=0 ");
        }
        JsonNode again = new ObjectMapper().readTree(work.resolve("report/fleet.json").toFile());
        assertThat(again).hasSize(HOSTS).allSatisfy(h -> {
            assertThat(h.path("changed").asBoolean()).isFalse();
            assertThat(h.path("release").isNull()).as("nothing built").isTrue();
        });
    }

    /** Six installations of serve 0.1.0, an inventory naming them, and what each holds now. */
    private Map<String, SortedMap<String, String>> installations(Map<String, String> extra) throws IOException {
        Map<String, SortedMap<String, String>> trees = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of("[serving]"));
        for (int i = 1; i <= HOSTS; i++) {
            String host = "host-" + i;
            Path inst = Files.createDirectories(installation(host));
            DemoInstallation.write(inst);
            trees.put(host, TreeSignature.of(inst));
            lines.add(host + " ansible_connection=local verpath_path=" + inst + " " + extra.getOrDefault(host, ""));
        }
        inventory(lines);
        return trees;
    }

    /** The inventory: the hosts' lines, then what every host shares. */
    private void inventory(List<String> hosts) throws IOException {
        List<String> lines = new ArrayList<>(hosts);
        lines.addAll(List.of("[serving:vars]", "verpath_migrate=" + Launcher.script(), "verpath_to=2.1.0",
                "verpath_report_dir=" + work.resolve("report"), "ansible_python_interpreter=auto_silent"));
        Files.write(work.resolve("inventory.ini"), lines);
    }

    private Path installation(String host) {
        return work.resolve(host).resolve("inst");
    }

    private String version(String host) throws IOException {
        String text = Files.readString(installation(host).resolve("VERSION")).strip();
        return text.substring(text.lastIndexOf(' ') + 1);
    }

    private Playbook playbook() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("ansible-playbook", "-i", work.resolve("inventory.ini").toString(),
                DEPLOY.resolve("rollout.yml").toString()).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("playbook.log").toFile());
        builder.environment().put("ANSIBLE_ROLES_PATH", DEPLOY.resolve("roles").toString());
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        builder.environment().put("ANSIBLE_LOCAL_TEMP", work.resolve("ansible-tmp").toString());
        builder.environment().put("ANSIBLE_HOME", work.resolve("ansible-home").toString());
        Process process = builder.start();
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("ansible-playbook finished").isTrue();
        return new Playbook(process.exitValue(), Files.readString(work.resolve("playbook.log")));
    }
}
