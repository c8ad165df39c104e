package dev.drill.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A checked-in JSON file that a test compares what the bot produces against: pretty-printed with keys in a
 * stable (sorted) order, so a change shows as a small line diff. The file is written only when the build is
 * run with {@code -Ddrill.updateSnapshots=true}; otherwise a missing or different file fails the test.
 */
final class JsonSnapshot {

    static final String UPDATE_PROPERTY = "drill.updateSnapshots";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String resource;

    /** {@code resource} is the path under src/test/resources, e.g. {@code dev/drill/discord/commands.json}. */
    JsonSnapshot(String resource) {
        this.resource = resource;
    }

    /** The JSON text, pretty-printed with every object's keys sorted, ending in a newline. */
    static String normalize(String json) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(MAPPER.readTree(json))) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = MAPPER.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Fails with a line diff unless {@code json} equals the snapshot (after normalising both). */
    void assertMatches(String json) {
        String actual = normalize(json);
        Path file = file();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError("There is no snapshot " + file + " yet. Check what the bot produces:\n" + actual
                    + "\nand write it with -D" + UPDATE_PROPERTY + "=true.");
        }
        String expected = normalize(read(file));
        if (!expected.equals(actual)) {
            throw new AssertionError("What the bot produces differs from the snapshot " + file + " (- snapshot,"
                    + " + now). If the change is intended, run again with -D" + UPDATE_PROPERTY + "=true and"
                    + " commit the file.\n" + diff(expected, actual));
        }
    }

    private Path file() {
        // Maven runs tests in the module folder; an IDE may run them from the repository root.
        Path module = Files.isDirectory(Path.of("src", "test", "java")) ? Path.of(".") : Path.of("bot");
        return module.resolve(Path.of("src", "test", "resources"))
                .resolve(resource)
                .normalize();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line diff (longest common subsequence) with two lines of context around each change. */
    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + a[i++]);
            } else {
                lines.add("+ " + b[j++]);
            }
        }
        StringBuilder out = new StringBuilder();
        int lastShown = -1;
        for (int k = 0; k < lines.size(); k++) {
            boolean near = false;
            for (int d = -2; d <= 2 && !near; d++) {
                int n = k + d;
                near = n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ");
            }
            if (near) {
                if (lastShown >= 0 && k > lastShown + 1) {
                    out.append("  …\n");
                }
                out.append(lines.get(k)).append('\n');
                lastShown = k;
            }
        }
        return out.toString();
    }
}
