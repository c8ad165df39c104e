package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.discord.Access;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what, as Discord delivers it when a server has opened the commands to everyone: the router's
 * own check refuses every admin subcommand and the award menu to a member without the permission, with the
 * level's one sentence, and nothing changes.
 */
@DisplayName("End to end: admin commands and the award refused to members")
class AccessE2ETests {

    private final BotHarness drill = BotHarness.create(Instant.parse("2040-12-03T07:59:00Z"));

    @BeforeEach
    void start() {
        drill.startBot();
        drill.setUpDailyDrill();
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    @ParameterizedTest(name = "/drill-admin {0}")
    @ValueSource(
            strings = {
                "setup",
                "config",
                "pause",
                "resume",
                "post-now",
                "skip",
                "export",
                "season reset",
                "questions add",
                "questions import",
                "questions list",
                "questions remove",
                "questions next"
            })
    @DisplayName("every /drill-admin subcommand is refused to a member without Manage Server; nothing changes")
    void adminSubcommandsRefused(String sub) {
        Optional<GuildSettings> before = settings();
        long posts = publicPosts();

        Map<String, Object> options = switch (sub) {
            case "setup" -> Map.of("channel", drill.dailyDrill(), "time", "10:30", "timezone", "Asia/Tokyo");
            case "questions add" -> Map.of("level", "fresher", "topics", "team");
            case "questions import" ->
                Map.of("file", dev.drill.sim.Upload.text("ours.yaml", OwnQuestionsE2ETests.TWO_QUESTIONS));
            case "questions remove", "questions next" -> Map.of("question", "message-queues");
            default -> Map.of();
        };
        SimResponse reply = drill.command("alice", "drill-admin " + sub, options);

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo(Access.MANAGE_SERVER.refusal());
        assertThat(settings()).isEqualTo(before);
        assertThat(publicPosts()).isEqualTo(posts);
        assertThat(drill.redis().keys("drill:*own*")).isEmpty();
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("\"Award best answer\" is refused to a member who is neither admin nor reviewer; no points move")
    void awardRefused() {
        drill.advance(Duration.ofMinutes(1));
        SimMessage post = drill.awaitBotMessage(
                drill.dailyDrill(),
                m -> !m.embedTitles().isEmpty() && m.embedTitles().get(0).startsWith("Daily drill"));
        SimChannel thread =
                drill.sim().awaitThread(drill.dailyDrill(), t -> t.id().equals(post.id()), Duration.ofSeconds(10));
        SimMessage answer =
                drill.as("bob").say(thread.id(), "Back-pressure lets a slow consumer tell a fast producer to wait.");
        drill.awaitGatewayHandled();

        SimResponse reply = drill.awaitAnswer(drill.as("alice").messageCommand("Award best answer", answer));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo(Access.REVIEWER.refusal());
        assertThat(drill.sim().messages(thread.id())).noneMatch(m -> m.content().startsWith("🏅"));
        String stats = drill.command("bob", "drill stats").message().embeds().toString();
        assertThat(stats).contains("10").doesNotContain("15");
    }

    /** What everyone sees in the channel (the replies to commands are only for whoever asked). */
    private long publicPosts() {
        return drill.sim().botMessages(drill.dailyDrill()).stream()
                .filter(m -> !m.ephemeral())
                .count();
    }

    private Optional<GuildSettings> settings() {
        return drill.bean(GuildSettingsStore.class)
                .find(Long.parseLong(drill.guild().id()));
    }
}
