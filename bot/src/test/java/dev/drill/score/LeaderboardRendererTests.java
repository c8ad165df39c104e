package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaderboardRendererTests {

    /** 100 characters of everything markdown and Discord give meaning to. */
    private static final String NASTY =
            ("**_~~`||> [x](https://e.x) <@1> @everyone # ").repeat(3).substring(0, 100);

    @Test
    @DisplayName("ten 100-character names full of markdown, plus the caller's line, stay within Discord's embed limits")
    void withinLimits() {
        // GIVEN a full page of the worst names
        List<LeaderboardEntry> top = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            top.add(new LeaderboardEntry(i, i, NASTY, 1_000_000 - i));
        }
        LeaderboardPage page = new LeaderboardPage(
                BoardPeriod.WEEK, "2026-W49", top, Optional.of(new LeaderboardEntry(123_456, 99, NASTY, 1)));

        // WHEN it is rendered
        MessageEmbed embed = LeaderboardRenderer.render(page);

        // THEN Discord would accept it
        assertThat(NASTY).hasSize(100);
        assertThat(embed.isSendable()).isTrue();
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(embed.getDescription().lines()).hasSize(12);
        assertThat(embed.getDescription()).endsWith("· 1 pt (you)");
    }

    @Test
    @DisplayName("names are cut to 32 characters and their markdown, links and mentions are escaped")
    void namesEscaped() {
        LeaderboardPage page = new LeaderboardPage(
                BoardPeriod.ALL,
                "all time",
                List.of(new LeaderboardEntry(1, 7, "**[win](https://e.x)** <@1>", 3)),
                Optional.empty());

        String line = LeaderboardRenderer.render(page).getDescription();

        assertThat(line).isEqualTo("🥇 \\*\\*\\[win\\](https://e.x)\\*\\* \\<\\@1\\> · 3 pts");
        assertThat(NameRenderer.render(1, "x".repeat(100))).isEqualTo("x".repeat(31) + "…");
    }

    @Test
    @DisplayName("a member without a stored name shows as a mention, which Discord renders and embeds never ping")
    void noName() {
        assertThat(NameRenderer.render(42, "")).isEqualTo("<@42>");
    }

    @Test
    @DisplayName("an empty board says how to get on it")
    void empty() {
        MessageEmbed embed = LeaderboardRenderer.render(
                new LeaderboardPage(BoardPeriod.MONTH, "2026-12", List.of(), Optional.empty()));

        assertThat(embed.getTitle()).isEqualTo("Leaderboard · month 2026-12");
        assertThat(embed.getDescription()).isEqualTo(LeaderboardRenderer.EMPTY);
    }

    @Test
    @DisplayName("stats render every figure the command promises")
    void stats() {
        MemberStats stats = new MemberStats(5, NASTY, 12, 40, 300, 25, 3, 9, java.util.OptionalLong.of(4), 17, 2);

        MessageEmbed embed = StatsRenderer.render(stats);

        assertThat(embed.isSendable()).isTrue();
        assertThat(embed.getFields())
                .extracting(MessageEmbed.Field::getValue)
                .containsExactly("12 pts", "40 pts", "300 pts (rank #4)", "25", "3 (best 9)", "17", "2");
    }
}
