package dev.drill.privacy;

import dev.drill.score.BoardScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The export's sections for what Drill itself keeps of a guild: its settings, its rounds and its boards
 * (with the members' names and points).
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
