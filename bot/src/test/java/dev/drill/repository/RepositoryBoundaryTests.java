package dev.drill.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The repository is the whole product: a clone with nothing beside it must build, test and run. This
 * guards the one way that breaks silently on a developer's machine: code that reads a file above the
 * repository root (as the tests once did with the reference folder beside the clone).
 */
class RepositoryBoundaryTests {

    /** A parent-directory step in a path, or a name of the reference folder that sits beside the clone. */
    private static final Pattern OUTSIDE =
            Pattern.compile("(^|[\"'\\s/=(])\\.\\.([/\\\\]|\"|$)|shared/(seed|design|discord-api-spec|content-review)");

    @Test
    @DisplayName("no file under bot/src names a path above the repository root")
    void noPathAboveTheRoot() throws IOException {
        Path src = Path.of("src").toAbsolutePath();
        assertThat(src).as("the tests run in the bot module").isDirectory();

        assertThat(offenders(src)).isEmpty();
    }

    @Test
    @DisplayName("the check finds a planted parent-directory path and a reference to shared/")
    void findsPlantedPaths() {
        // Built from parts, so that this file itself names no folder outside the repository.
        String shared = "shared" + "/";
        assertThat(OUTSIDE.matcher("Path.of(\"../" + shared + "seed/list.txt\")")
                        .find())
                .isTrue();
        assertThat(OUTSIDE.matcher("new File(\"..\\\\data\")").find()).isTrue();
        assertThat(OUTSIDE.matcher("dir.resolve(\"..\")").find()).isTrue();
        assertThat(OUTSIDE.matcher("locate(\"" + shared + "discord-api-spec/openapi.json\")")
                        .find())
                .isTrue();
        assertThat(OUTSIDE.matcher("String range = \"1..5\"; // ... and so on").find())
                .isFalse();
    }

    private static List<String> offenders(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.endsWith(Path.of("discord-api-spec", "openapi.json")) || file.equals(self(root))) {
                    continue; // Discord's own data, and this test's planted examples
                }
                List<String> lines;
                try {
                    lines = Files.readAllLines(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (OUTSIDE.matcher(lines.get(i)).find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }

    private static Path self(Path root) {
        return root.resolve("test/java/dev/drill/repository/RepositoryBoundaryTests.java");
    }
}
