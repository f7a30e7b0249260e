package dev.verpath.engine.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The code a rule set is loaded from names the findings it gave: another jar, other findings. */
class CodeIdentityTest {

    /** A class to load from a jar of the test's own, as a plugin's rule set is. */
    public static final class Marker {
    }

    private static final String CLASS_FILE = Marker.class.getName().replace('.', '/') + ".class";

    @TempDir
    Path folder;

    private Path jar(String name, String extra) throws IOException {
        Path jar = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             InputStream bytes = Marker.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
            zip.putNextEntry(entry(CLASS_FILE));
            bytes.transferTo(zip);
            zip.putNextEntry(entry("extra.txt"));
            zip.write(extra.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** An entry with a fixed time: two jars of the same files made seconds apart are the same bytes. */
    private static JarEntry entry(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0);
        return entry;
    }

    private static Class<?> load(URLClassLoader loader) throws ClassNotFoundException {
        Class<?> loaded = Class.forName(Marker.class.getName(), false, loader);
        assertThat(loaded.getClassLoader()).isSameAs(loader);
        return loaded;
    }

    private static Optional<String> identityOf(Path jar) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> loaded = Class.forName(Marker.class.getName(), false, loader);
            assertThat(loaded.getClassLoader()).isSameAs(loader);
            return CodeIdentity.remembering(List.of()).of(List.of(loaded));
        }
    }

    @Test
    void theSameBytesAreTheSameCodeWhereverTheyAreAndOtherBytesAreNot() throws Exception {
        Optional<String> first = identityOf(jar("plugin.jar", "one"));
        Optional<String> again = identityOf(folder.resolve("plugin.jar"));
        Optional<String> staged = identityOf(jar("staged-copy.jar", "one"));
        Optional<String> rebuilt = identityOf(jar("plugin.jar", "two"));

        assertThat(first).isPresent().hasValueSatisfying(h -> assertThat(h).hasSize(64));
        assertThat(again).isEqualTo(first);
        assertThat(staged).as("a plugin's staged copy at a new path").isEqualTo(first);
        assertThat(rebuilt).isPresent().isNotEqualTo(first);
    }

    @Test
    void codeFromAFolderIsNamedByTheFilesInIt() throws Exception {
        Path classes = folder.resolve("classes");
        Path file = classes.resolve(CLASS_FILE);
        Files.createDirectories(file.getParent());
        try (InputStream bytes = Marker.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
            Files.copy(bytes, file);
        }
        Optional<String> first = identityOf(classes);
        Files.writeString(classes.resolve("extra.txt"), "more");

        assertThat(first).isPresent();
        assertThat(identityOf(classes)).isPresent().isNotEqualTo(first);
    }

    @Test
    void jarsHashedOnceAreRememberedInAFileOfTheirOwn() throws Exception {
        Path jar = jar("plugin.jar", "one");
        Thread.sleep(FileStamp.RACY_WINDOW.toMillis() + 200); // a jar is remembered once its times have settled
        Path file = folder.resolve("code");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> loaded = load(loader);
            CodeIdentity first = CodeIdentity.read(file);
            Optional<String> hashed = first.of(List.of(loaded));
            assertThat(first.changed()).as("nothing was remembered yet").isTrue();
            first.save(file);

            CodeIdentity second = CodeIdentity.read(file);
            assertThat(second.of(List.of(loaded))).isEqualTo(hashed).isPresent();
            assertThat(second.changed()).as("the jar's hash came from the file").isFalse();
        }
    }

    @Test
    void anIdentityThatRemembersNothingTakesWhatAnotherOneKnewOfTheSameJarUnchanged() throws Exception {
        Path jar = jar("engine.jar", "seen");
        Thread.sleep(FileStamp.RACY_WINDOW.toMillis() + 200);
        FileStamp stamp = FileStamp.of(jar);
        // a remembered hash no file has: only an identity that took it from the other one can name the code by it
        Path file = folder.resolve("code");
        Files.writeString(file, "verpath-codeidentity 2\n" + "ab".repeat(32) + "\t" + stamp.size() + "\t" + stamp.mtimeNanos()
                + "\t" + stamp.ctimeNanos() + "\t" + stamp.inode() + "\t" + jar + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> loaded = load(loader);
            Optional<String> fromFile = CodeIdentity.read(file).of(List.of(loaded));

            assertThat(CodeIdentity.remembering(List.of()).of(List.of(loaded))).isEqualTo(fromFile).isPresent();
            Files.writeString(jar, "rebuilt");
            assertThat(CodeIdentity.remembering(List.of()).of(List.of(loaded))).as("another stamp: read again")
                    .isPresent().isNotEqualTo(fromFile);
        }
    }
}
