package dev.verpath.engine.plugin;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Run as its own process by {@link PluginStagingTest}: locks a file, says so, and holds it until killed. */
final class HoldLock {

    private HoldLock() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.print("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
