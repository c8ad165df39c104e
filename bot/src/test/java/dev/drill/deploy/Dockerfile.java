package dev.drill.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Dockerfile read the way the builder reads it, as far as these tests need: comment and empty lines dropped
 * (also inside a continued instruction), {@code \} line continuations joined, instructions grouped into
 * stages.
 */
record Dockerfile(List<Stage> stages) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        StringBuilder pending = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            String content = line.stripTrailing();
            boolean continues = content.endsWith("\\");
            if (continues) {
                content = content.substring(0, content.length() - 1);
            }
            pending = pending == null ? new StringBuilder(content) : pending.append(content);
            if (!continues) {
                add(stages, pending.toString().strip());
                pending = null;
            }
        }
        if (pending != null) {
            throw new IllegalArgumentException("The last instruction ends with a line continuation");
        }
        return new Dockerfile(List.copyOf(stages));
    }

    private static void add(List<Stage> stages, String line) {
        String[] parts = line.split("\\s+", 2);
        Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
        if (instruction.keyword().equals("FROM")) {
            String[] from = instruction.body().split("\\s+");
            String name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
            stages.add(new Stage(from[0], name, new ArrayList<>()));
        } else if (stages.isEmpty()) {
            throw new IllegalArgumentException("An instruction before the first FROM: " + line);
        } else {
            stages.get(stages.size() - 1).instructions().add(instruction);
        }
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream()
                .filter(stage -> name.equals(stage.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No stage named " + name));
    }

    /** One {@code FROM} and what follows it. */
    record Stage(String image, String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream()
                    .filter(instruction -> instruction.keyword().equals(keyword))
                    .toList();
        }

        /** The last one counts for USER, WORKDIR, ENTRYPOINT and HEALTHCHECK. */
        Optional<Instruction> last(String keyword) {
            List<Instruction> all = all(keyword);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        /** The ENV variables of this stage, in order; a later one replaces an earlier one. */
        Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            for (Instruction env : all("ENV")) {
                String body = env.body();
                if (body.contains("\"") || body.contains("'")) {
                    throw new IllegalArgumentException("Quoted ENV values are not read by this test: " + body);
                }
                String[] words = body.split("\\s+");
                if (!words[0].contains("=")) {
                    environment.put(words[0], body.substring(words[0].length()).strip());
                    continue;
                }
                for (String word : words) {
                    int equals = word.indexOf('=');
                    environment.put(word.substring(0, equals), word.substring(equals + 1));
                }
            }
            return environment;
        }
    }

    /** One instruction: its keyword, its leading {@code --flag=value} options, and the rest. */
    record Instruction(String keyword, String arguments) {

        /** The options before the body, such as {@code --from=build} or {@code --interval=30s}. */
        Map<String, String> flags() {
            Map<String, String> flags = new LinkedHashMap<>();
            for (String word : arguments.split("\\s+")) {
                if (!word.startsWith("--")) {
                    break;
                }
                int equals = word.indexOf('=');
                flags.put(
                        equals < 0 ? word.substring(2) : word.substring(2, equals),
                        equals < 0 ? "" : word.substring(equals + 1));
            }
            return flags;
        }

        /** The arguments after the options. */
        String body() {
            String rest = arguments;
            while (rest.startsWith("--")) {
                String[] split = rest.split("\\s+", 2);
                rest = split.length > 1 ? split[1] : "";
            }
            return rest;
        }

        /** The body as whitespace-separated words (the shell form without quoting). */
        List<String> words() {
            return Arrays.asList(body().split("\\s+"));
        }

        /** The exec-form command after a leading word, such as HEALTHCHECK's {@code CMD [...]}. */
        List<String> execFormAfter(String word) {
            String body = body();
            if (!body.startsWith(word + " ")) {
                throw new AssertionError("Does not start with " + word + ": " + body);
            }
            return execForm(body.substring(word.length()).strip());
        }

        /** The body in exec form: a JSON array of strings. */
        List<String> execForm() {
            return execForm(body());
        }

        static List<String> execForm(String json) {
            if (!json.startsWith("[")) {
                throw new AssertionError("Not in exec (JSON array) form: " + json);
            }
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        }
    }
}
