package dev.verpath.engine.service;

import java.time.Duration;

/** Waits for a process the test did not start to be gone (an orphan is reaped by init, here only about once a second). */
final class Processes {

    private Processes() {
    }

    /**
     * @param pid    the process
     * @param atMost how long to wait
     * @return whether it was gone (or only a zombie) within the time
     */
    static boolean endsWithin(long pid, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty() || zombie(pid)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
