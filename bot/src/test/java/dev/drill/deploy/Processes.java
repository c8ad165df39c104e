package dev.drill.deploy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end within a time limit and never leaves it (or anything it started) behind. */
final class Processes {

    private Processes() {}

    /** The exit code; fails the test if the process is still running after {@code limit}. */
    static int run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        Process process = builder.start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(
                        "Still running after " + limit.toSeconds() + " s: " + String.join(" ", builder.command()));
            }
            return process.exitValue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
