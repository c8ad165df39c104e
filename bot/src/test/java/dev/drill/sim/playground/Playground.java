package dev.drill.sim.playground;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Try Drill without Discord: starts the real bot on the local Discord simulator and an embedded Redis, runs a
 * script from the terminal or a pipe ({@code ./mvnw -q -pl bot spring-boot:test-run < script.drill}) and prints
 * what the bot sends. Stdout is the transcript; logs go to stderr.
 */
public final class Playground {

    /** Every line ran and every request the bot made passed Discord's spec. */
    public static final int OK = 0;
    /** The simulated Discord refused a request the bot made (see the printed problems). */
    public static final int REFUSED_REQUESTS = 1;
    /** A line could not be run: unknown command, unknown member, nothing to edit, no answer from the bot… */
    public static final int LINE_FAILED = 2;

    private Playground() {}

    public static void main(String[] args) {
        // Before anything logs: Spring Boot keeps its hands off logging, and Logback sends warnings to stderr.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        System.setProperty("logback.configurationFile", "playground/logback.xml");
        // Tomcat (the management port) logs through java.util.logging: route it into Logback's levels too.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean interactive = System.console() != null;
        if (interactive) {
            System.err.println("Starting Drill with an embedded Redis and the Discord simulator…");
        }
        int status;
        try {
            status = run(in, out, interactive);
        } catch (RuntimeException | Error e) {
            out.println("! the playground failed: " + e);
            status = LINE_FAILED;
        }
        out.flush();
        System.exit(status);
    }

    /**
     * Starts a fresh bot, runs every line of {@code script} and returns the exit status ({@link #OK},
     * {@link #REFUSED_REQUESTS} or {@link #LINE_FAILED}). A script stops at its first line that cannot be run;
     * at the terminal ({@code interactive}) the session goes on, with a prompt instead of the echo.
     */
    public static int run(BufferedReader script, PrintStream out, boolean interactive) {
        try (PlaygroundSession session = PlaygroundSession.start(out)) {
            return run(session, script, out, interactive);
        }
    }

    private static int run(PlaygroundSession session, BufferedReader script, PrintStream out, boolean interactive) {
        out.println(session.banner());
        if (interactive) {
            out.println("Type script lines (help lists them); end with Ctrl-D.");
        }
        boolean failed = false;
        int number = 0;
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line = readLine(script);
            if (line == null) {
                break;
            }
            number++;
            Optional<ScriptLine> parsed;
            try {
                parsed = ScriptParser.parse(line);
                if (parsed.isEmpty()) {
                    continue;
                }
                if (!interactive) {
                    out.println("> " + line.strip());
                }
                session.run(parsed.get());
            } catch (RuntimeException | AssertionError e) {
                failed = true;
                out.println("! line " + number + " (" + line.strip() + ") could not be run: " + reason(e));
                if (!interactive) {
                    break;
                }
            }
        }
        if (interactive) {
            out.println();
        }
        List<String> problems = session.problems();
        if (!problems.isEmpty()) {
            out.println("! the simulated Discord refused " + problems.size() + " request(s) the bot made:");
            problems.forEach(p -> out.println("!   " + p));
        }
        return failed ? LINE_FAILED : problems.isEmpty() ? OK : REFUSED_REQUESTS;
    }

    private static String reason(Throwable e) {
        if (e instanceof ScriptException
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return e.toString();
    }

    private static String readLine(BufferedReader script) {
        try {
            return script.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
