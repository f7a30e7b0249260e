package dev.verpath.engine.records;

import dev.verpath.rules.Workspace;
import dev.verpath.rules.WriteAction;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Just enough of a workspace over a temp folder for the pipeline: list, read, write atomically. */
final class TempFolderWorkspace implements Workspace {

    private final Path root;

    TempFolderWorkspace(Path root) {
        this.root = root;
    }

    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public List<String> files(String glob) throws IOException {
        Pattern pattern = globPattern(glob);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> pattern.matcher(p).matches())
                    .sorted()
                    .toList();
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return new BufferedInputStream(Files.newInputStream(root.resolve(path)), 1 << 16);
    }

    @Override
    public void write(String path, WriteAction action) throws IOException {
        Path target = root.resolve(path);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try (OutputStream out = Files.newOutputStream(temp)) {
            action.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(root.resolve(path));
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(root.resolve(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(root.resolve(path));
    }

    @Override
    public Optional<String> symlinkTarget(String path) {
        return Optional.empty();
    }

    @Override
    public List<String> children(String folder) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long size(String path) throws IOException {
        return Files.size(root.resolve(path));
    }

    @Override
    public String sha256(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void move(String from, String to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void symlink(String link, String target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void hardLink(String path, String existing) {
        throw new UnsupportedOperationException();
    }
}
