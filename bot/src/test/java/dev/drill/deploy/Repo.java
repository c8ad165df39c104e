package dev.drill.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.repository.RepositoryPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's deployment files, found from the test's working directory (the Maven module, bot/). */
final class Repo {

    private static final Pattern MANAGEMENT_PORT = Pattern.compile("\\$\\{DRILL_MANAGEMENT_PORT:(\\d+)}");

    private Repo() {}

    static Path root() {
        return RepositoryPaths.root();
    }

    static Path file(String relative) {
        Path file = root().resolve(relative);
        assertThat(file).as("%s at the repository root", relative).isRegularFile();
        return file;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path mainResources() {
        return root().resolve("bot/src/main/resources");
    }

    /** The port the management server listens on by default, from application.yaml. */
    static int managementPort() {
        Matcher port = MANAGEMENT_PORT.matcher(read(mainResources().resolve("application.yaml")));
        assertThat(port.find())
                .as("application.yaml sets drill.management.port from ${DRILL_MANAGEMENT_PORT:<default>}")
                .isTrue();
        return Integer.parseInt(port.group(1));
    }
}
