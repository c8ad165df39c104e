package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.repository.RepositoryPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The backend question bank")
class QuestionBankTests {

    static final Path CONTENT = RepositoryPaths.resolve("content");

    private final QuestionBank bank = new ContentLoader().load(CONTENT);

    @Test
    @DisplayName("holds 29 fresher, 30 intermediate and 30 experienced questions")
    void counts() {
        assertThat(bank.byLevel(Level.FRESHER)).hasSize(29);
        assertThat(bank.byLevel(Level.INTERMEDIATE)).hasSize(30);
        assertThat(bank.byLevel(Level.EXPERIENCED)).hasSize(30);
    }

    @Test
    @DisplayName("has every prompt exactly as the seed list writes it")
    void promptsMatchSeed() throws IOException {
        Map<String, String> seed = seedPrompts();

        assertThat(seed).hasSize(89);
        for (Question question : bank.all()) {
            assertThat(question.prompt())
                    .as(question.source())
                    .isEqualTo(seed.get(question.level().id() + "/" + question.number()));
        }
    }

    @Test
    @DisplayName("is also bundled on the classpath, identical to the folder")
    void bundledCopy() {
        QuestionBank bundled = new ContentLoader().load(Path.of("no-such-folder"));

        assertThat(bundled.all()).isEqualTo(bank.all());
    }

    /** The seed list, by level and number; a copy is kept in test resources (seed/README.md there). */
    static Map<String, String> seedPrompts() throws IOException {
        List<String> lines;
        try (InputStream in = QuestionBankTests.class.getResourceAsStream("/seed/backend-interview-questions.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        String level = null;
        Pattern item = Pattern.compile("^\\s*(\\d+)\\. (.*)$");
        for (String line : lines) {
            if (line.startsWith("Backend")) {
                level = line.contains("Freshers")
                        ? "fresher"
                        : line.contains("Intermediate") ? "intermediate" : "experienced";
                continue;
            }
            Matcher m = item.matcher(line);
            if (m.matches()) {
                prompts.put(level + "/" + m.group(1), m.group(2).strip());
            }
        }
        return prompts;
    }
}
