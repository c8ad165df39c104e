package dev.drill.privacy;

import dev.drill.content.GuildQuestionStore;
import dev.drill.content.KeyPoint;
import dev.drill.content.Question;
import dev.drill.score.BoardScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The export's sections for what Drill itself keeps of a guild: its settings, its own questions, its rounds
 * and its boards (with the members' names and points).
 */
@Configuration(proxyBeanMethods = false)
class CoreExportSections {

    @Bean
    ExportSection settingsSection(PrivacyStore store) {
        return new ExportSection() {
            @Override
            public String name() {
                return "settings";
            }

            @Override
            public int order() {
                return 10;
            }

            @Override
            public Part export(long guild) {
                Map<String, String> settings = store.settings(guild);
                return new Part(settings, "settings (" + settings.size() + " fields)");
            }
        };
    }

    @Bean
    ExportSection roundsSection(PrivacyStore store) {
        return new ExportSection() {
            @Override
            public String name() {
                return "rounds";
            }

            @Override
            public int order() {
                return 20;
            }

            @Override
            public Part export(long guild) {
                Map<String, Map<String, String>> rounds = store.rounds(guild);
                return new Part(rounds, rounds.size() + (rounds.size() == 1 ? " round" : " rounds"));
            }
        };
    }

    /**
     * The guild's own questions (added, imported or approved suggestions) as the admins gave them, in the
     * fields of the bank's YAML format, so the file can be turned back into an import.
     */
    @Bean
    ExportSection ownQuestionsSection(GuildQuestionStore questions) {
        return new ExportSection() {
            @Override
            public String name() {
                return "questions";
            }

            @Override
            public int order() {
                return 15;
            }

            @Override
            public Part export(long guild) {
                List<Map<String, Object>> own = new ArrayList<>();
                for (Question q : questions.all(guild)) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", q.id());
                    entry.put("level", q.level().name().toLowerCase(java.util.Locale.ROOT));
                    entry.put("topics", q.topics());
                    entry.put("prompt", q.prompt());
                    entry.put("modelAnswer", q.modelAnswer());
                    entry.put(
                            "keyPoints",
                            q.keyPoints().stream().map(KeyPoint::text).toList());
                    entry.put("followUps", q.followUps());
                    if (q.suggestedBy() != 0) {
                        entry.put("suggestedBy", Long.toString(q.suggestedBy()));
                    }
                    own.add(entry);
                }
                return new Part(
                        own,
                        own.isEmpty()
                                ? "no own questions"
                                : own.size() + (own.size() == 1 ? " own question" : " own questions"));
            }
        };
    }

    @Bean
    ExportSection boardsSection(PrivacyStore store) {
        return new ExportSection() {
            @Override
            public String name() {
                return "boards";
            }

            @Override
            public int order() {
                return 30;
            }

            @Override
            public Part export(long guild) {
                Map<String, String> names = store.names(guild);
                Map<String, Object> boards = new LinkedHashMap<>();
                int weeks = 0;
                int months = 0;
                int seasons = 0;
                for (var board : store.boards(guild).entrySet()) {
                    List<Map<String, Object>> entries = new ArrayList<>();
                    int rank = 0;
                    for (var entry : board.getValue()) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("rank", ++rank);
                        line.put("member", entry.getKey());
                        line.put("name", names.getOrDefault(entry.getKey(), ""));
                        line.put("points", BoardScore.points(entry.getValue()));
                        entries.add(line);
                    }
                    boards.put(board.getKey(), entries);
                    weeks += board.getKey().startsWith("w:") ? 1 : 0;
                    months += board.getKey().startsWith("m:") ? 1 : 0;
                    seasons += board.getKey().startsWith("s:") ? 1 : 0;
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("boards", boards);
                data.put("seasons", store.seasons(guild));
                return new Part(
                        data,
                        count(boards.size(), "board") + " (" + count(weeks, "week") + ", " + count(months, "month")
                                + ", " + count(seasons, "archived season") + ", all time) with names and points");
            }
        };
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
