package dev.drill.repository;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of this repository as tests see them, from the module folder Maven runs them in. The one place
 * that knows where the root is, so no test needs a parent-directory path (see RepositoryBoundaryTests).
 */
public final class RepositoryPaths {

    private RepositoryPaths() {}

    /** The repository root: the nearest folder at or above the working directory that holds {@code mvnw}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "not inside the Drill repository: " + Path.of("").toAbsolutePath());
    }

    /** A path inside the repository, e.g. {@code resolve("content")}. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative).normalize();
        if (!path.startsWith(root())) {
            throw new IllegalArgumentException(relative + " is outside the repository");
        }
        return path;
    }
}
