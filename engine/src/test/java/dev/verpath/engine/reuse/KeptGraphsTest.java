package dev.verpath.engine.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.engine.graph.GraphStore;
import dev.verpath.engine.graph.TinyGraph;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.LoadedRules;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.plugin.RuleSetLoader;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleSet;
import dev.verpath.testsupport.PluginArchive;
import dev.verpath.testsupport.RuleSetSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graphs kept in the user's cache: private files, written whole, a miss whenever they are not this key's graph. */
class KeptGraphsTest {

    /** A rule set loaded from a jar of the test's own, as a plugin's is: the serve-like graph. */
    public static final class JarRules implements RuleSet {
        private final RuleSet tiny = TinyGraph.serve().registry().ruleSets().get(0).ruleSet();

        @Override
        public String id() {
            return "jar-rules";
        }

        @Override
        public List<Product> products() {
            return tiny.products();
        }

        @Override
        public List<MigrationRule> rules() {
            return tiny.rules();
        }
    }

    private static final String CLASS_FILE = JarRules.class.getName().replace('.', '/') + ".class";

    @TempDir
    Path cache;

    private final RuleRegistry serve = TinyGraph.serve().registry();

    private GraphStore store(RuleRegistry registry) {
        return KeptGraphs.open(EngineSettings.defaults(), registry, Optional.of(cache));
    }

    private Path onlyGraph() throws Exception {
        try (Stream<Path> files = Files.list(cache.resolve(KeptGraphs.FOLDER))) {
            List<Path> graphs = files.filter(f -> f.toString().endsWith(".graph")).toList();
            assertThat(graphs).hasSize(1);
            return graphs.get(0);
        }
    }

    @Test
    void keepsAGraphInAPrivateFileAndFindsIt() throws Exception {
        assertThat(serve.withGraphStore(store(serve)).graph().versions("serve")).hasSize(4);

        Path file = onlyGraph();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store(serve).find("serve")).isPresent();
        assertThat(store(serve).find("other")).isEmpty();
    }

    @Test
    void aDamagedCutOrForeignFileIsAMissAndThePlanIsRight() throws Exception {
        List<String> fresh = serve.graph().edges("serve").stream().map(Object::toString).toList();
        serve.withGraphStore(store(serve)).graph().versions("serve");
        Path file = onlyGraph();
        byte[] whole = Files.readAllBytes(file);
        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 1;
        byte[] foreign = whole.clone();
        foreign[11] = 99; // the format number after the magic
        for (byte[] bad : List.of(flipped, java.util.Arrays.copyOf(whole, whole.length - 9), foreign, new byte[3])) {
            Files.write(file, bad);
            assertThat(store(serve).find("serve")).isEmpty();
            RuleRegistry again = TinyGraph.serve().registry();
            assertThat(again.withGraphStore(store(again)).graph().edges("serve")).map(Object::toString).isEqualTo(fresh);
            assertThat(store(serve).find("serve")).as("built again and kept").isPresent();
        }
    }

    @Test
    void aRuleSetJarOfOtherContentIsAMiss() throws Exception {
        Path one = jar("one.jar", "one");
        Path sameBytes = jar("same.jar", "one");
        Path other = jar("other.jar", "two");
        Thread.sleep(2_200); // a jar's hash is remembered only once its times have settled
        kept(one);
        assertThat(find(sameBytes)).as("the same bytes at another path, as a staged plugin is").isPresent();
        assertThat(find(other)).isEmpty();
    }

    @Test
    void aPluginIsKeyedByTheHashTheLoaderTookOfItsArchiveAndOtherContentIsAMiss() throws Exception {
        Path plugins = cache.resolve("plugins");
        PluginArchive gadget = PluginArchive.named("gadget").ruleSet("test.gadget.GadgetRules", RuleSetSource.ruleSet(
                "test.gadget.GadgetRules", "gadget-rules", "gadget", "gadget.config", "1.0.0", "2.0.0", "", ""));
        gadget.jar(plugins);
        LoadedRules first = loadPlugins(plugins);
        assertThat(first.registry().ruleSets()).filteredOn(set -> set.owner().equals("gadget")).singleElement()
                .satisfies(set -> assertThat(set.archive()).contains(first.plugins().get(0).sha256()));
        assertThat(first.registry().withGraphStore(store(first.registry())).graph().versions("gadget")).hasSize(2);

        assertThat(store(loadPlugins(plugins).registry()).find("gadget")).as("the same archive, staged anew")
                .isPresent();
        gadget.file("notes.txt", "other content, same classes").jar(plugins);
        assertThat(store(loadPlugins(plugins).registry()).find("gadget")).as("the archive's content changed").isEmpty();
    }

    private static LoadedRules loadPlugins(Path folder) {
        return new RuleSetLoader(Optional.empty(), Map.of()).load(List.of(folder));
    }

    @Test
    void temporaryFilesOfAKilledWriterAreSweptOnceADayOld() throws Exception {
        Path folder = Files.createDirectories(cache.resolve(KeptGraphs.FOLDER));
        Path old = Files.writeString(folder.resolve("0123456789abcdef-0123.graph-42.tmp"), "half a graph");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        Path recent = Files.writeString(folder.resolve("code-7.tmp"), "being written");
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofHours(23))));

        serve.withGraphStore(store(serve)).graph().versions("serve");

        assertThat(old).doesNotExist();
        assertThat(recent).as("a writer may still be at it").exists();
        assertThat(onlyGraph()).exists();
    }

    @Test
    void aCacheThatCannotBeWrittenKeepsNothingAndFailsNothing() throws Exception {
        Path file = Files.writeString(cache.resolve("verpath"), "a file where the folder would be");
        GraphStore store = store(serve);
        assertThat(serve.withGraphStore(store).graph().versions("serve")).hasSize(4);
        assertThat(store.find("serve")).isEmpty();
        assertThat(file).exists();
        assertThat(KeptGraphs.open(EngineSettings.defaults(), serve, Optional.empty())).isSameAs(GraphStore.NONE);
    }

    @Test
    void theSettingTurnsItOffAndTheCacheFolderFollowsXdg() {
        EngineSettings off = new SettingsLoader(Map.of()).load(Optional.empty(), Map.of("cache.graphs", "false"));
        assertThat(KeptGraphs.open(off, serve, Optional.of(cache))).isSameAs(GraphStore.NONE);
        assertThat(KeptGraphs.userCache(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u"))).contains(Path.of("/x/cache"));
        assertThat(KeptGraphs.userCache(Map.of("XDG_CACHE_HOME", "", "HOME", "/home/u"))).contains(Path.of("/home/u/.cache"));
        assertThat(KeptGraphs.userCache(Map.of("HOME", "relative"))).isEmpty();
        assertThat(KeptGraphs.userCache(Map.of())).isEmpty();
    }

    private void kept(Path jar) throws Exception {
        try (URLClassLoader loader = loader(jar)) {
            RuleRegistry registry = registryOf(loader);
            registry.withGraphStore(store(registry)).graph().versions("serve");
        }
    }

    private Optional<ByteBuffer> find(Path jar) throws Exception {
        try (URLClassLoader loader = loader(jar)) {
            return store(registryOf(loader)).find("serve");
        }
    }

    private static RuleRegistry registryOf(URLClassLoader loader) throws Exception {
        Class<?> type = Class.forName(JarRules.class.getName(), true, loader);
        assertThat(type.getClassLoader()).isSameAs(loader);
        RuleSet set = (RuleSet) type.getConstructor().newInstance();
        return RuleRegistry.of(List.of(LoadedRuleSet.ofPlugin(set, "jar-rules", "1.0.0")));
    }

    /** Loads {@link JarRules} from the jar, everything else from the test's own loader. */
    private static URLClassLoader loader(Path jar) throws Exception {
        ClassLoader own = KeptGraphsTest.class.getClassLoader();
        ClassLoader withoutRules = new ClassLoader(own) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(JarRules.class.getName())) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, withoutRules);
    }

    private Path jar(String name, String extra) throws Exception {
        Path jar = cache.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             InputStream bytes = JarRules.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
            zip.putNextEntry(entry(CLASS_FILE));
            bytes.transferTo(zip);
            zip.putNextEntry(entry("extra.txt"));
            zip.write(extra.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static JarEntry entry(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0);
        return entry;
    }
}
