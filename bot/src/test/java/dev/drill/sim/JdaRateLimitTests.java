package dev.drill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real JDA against the simulator with Discord's rate limits on: it reads the headers and waits out the
 * 429s, so nothing is lost and the limits hold. Wall-clock by nature; each test takes a few seconds at most.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaRateLimitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock(Instant.parse("2040-12-03T08:00:00Z"));
    private final EventRecorder recorder = new EventRecorder();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private DiscordSimulator sim;
    private JDA jda;
    /** 24 text channels: the fixture's two and those of 11 more guilds. */
    private final List<String> channels = new ArrayList<>();
    /** 4 more, for the test that keeps JDA busy while an interaction comes (their buckets stay apart). */
    private final List<String> busyChannels = new ArrayList<>();

    @BeforeAll
    void connect() throws InterruptedException {
        sim = DiscordSimulator.start(clock).rateLimits(true);
        for (int i = 0; i < 12; i++) {
            SimGuild guild = i == 0 ? sim.guild() : sim.addGuild("Guild " + i);
            channels.add(guild.dailyDrillId());
            channels.add(guild.generalId());
        }
        for (int i = 0; i < 2; i++) {
            SimGuild guild = sim.addGuild("Busy " + i);
            busyChannels.add(guild.dailyDrillId());
            busyChannels.add(guild.generalId());
        }
        jda = SimulatedJda.connect(sim, recorder);
    }

    @BeforeEach
    void freshCounters() {
        sim.resetCounters();
    }

    @AfterAll
    void disconnect() {
        if (jda != null) {
            jda.shutdownNow();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** 50 requests of the bot at once (GET /channels/{id}, 5 on each of 10 channels, within their buckets). */
    private void fillGlobalWindow() {
        List<CompletableFuture<HttpResponse<Void>>> burst = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + "channels/" + channels.get(i % 10)))
                    .header("Authorization", "Bot " + sim.botToken())
                    .build();
            burst.add(http.sendAsync(get, HttpResponse.BodyHandlers.discarding()));
        }
        burst.forEach(CompletableFuture::join);
    }

    private TextChannel channel(String id) {
        return jda.getTextChannelById(id);
    }

    @Test
    @DisplayName("120 messages to 24 channels at once: all arrive once, at most 50 requests in any second")
    void globalLimitIsRespected() {
        // GIVEN the global window already filled by the same bot
        fillGlobalWindow();

        // WHEN JDA sends 5 messages to each of the 24 channels (each channel's bucket allows exactly 5)
        List<CompletableFuture<Message>> sent = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            for (String id : channels) {
                sent.add(channel(id).sendMessage("message " + n).submit());
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();

        // THEN every channel has its 5 messages, once each and in order
        for (String id : channels) {
            assertThat(sim.botMessages(id))
                    .extracting(SimMessage::content)
                    .filteredOn(content -> content.startsWith("message "))
                    .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
        }
        // AND the simulator let at most 50 requests through in any second
        assertThat(sim.peakRequestsPerSecond()).isLessThanOrEqualTo(50);
        // AND JDA met the global limit and waited out its retry_after instead of hammering
        // (JDA may meet it a few times per request while the window drains, 77 seen in a full run; a
        // client that retried without waiting would meet it hundreds of times a second)
        assertThat(sim.globalRateLimited()).isBetween(1L, 240L);
        // AND it never sent into a channel's bucket before its reset
        assertThat(sim.routeRateLimited()).isZero();
        String posts = "POST /channels/{channel_id}/messages";
        assertThat(sim.requestCountsByRoute().get(posts))
                .isEqualTo(120 + sim.rateLimitedByRoute().getOrDefault(posts, 0L));
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("six reactions on one message: JDA spaces them by the bucket's reset (1 per 250 ms), no 429")
    void routeBucketIsRespected() {
        // GIVEN a message of the bot
        TextChannel general = channel(sim.guild().generalId());
        Message message = general.sendMessage("react to me").complete();
        long start = System.nanoTime();

        // WHEN JDA adds six reactions at once
        List<String> emojis = List.of("👍", "👎", "✅", "❌", "🎉", "🔥");
        List<CompletableFuture<Void>> reactions = emojis.stream()
                .map(e -> message.addReaction(Emoji.fromUnicode(e)).submit())
                .toList();
        CompletableFuture.allOf(reactions.toArray(CompletableFuture[]::new))
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // THEN all six are on the message
        SimMessage seen = sim.message(message.getId()).orElseThrow();
        emojis.forEach(e -> assertThat(seen.reactionCount(e)).as(e).isEqualTo(1));
        // AND JDA waited for each reset from the headers: no 429, and at least 5 × 250 ms
        assertThat(sim.routeRateLimited()).isZero();
        assertThat(millis).isGreaterThanOrEqualTo(5 * 250L);
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("while JDA waits out a global 429, its reply to a slash command still goes through at once")
    void interactionReplyIgnoresTheGlobalLimit() {
        // GIVEN a bot that replies to /ping, and JDA under a global rate limit: 20 messages to 4 channels
        // after the window was filled
        sim.addGlobalCommand(Json.parse("{\"name\":\"ping\",\"description\":\"Ping\",\"type\":1}"));
        recorder.on(SlashCommandInteractionEvent.class, e -> e.reply("pong").queue());
        fillGlobalWindow();
        List<CompletableFuture<Message>> sent = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            for (String id : busyChannels) {
                sent.add(channel(id).sendMessage("busy " + n).submit());
            }
        }
        sim.await("a global 429", WAIT, () -> Optional.of(true).filter(x -> sim.globalRateLimited() > 0));

        // WHEN a member runs /ping
        SimInteraction ping = sim.as("alice").slash(sim.guild().dailyDrillId(), "ping");

        // THEN the reply comes before the channels' messages are through
        SimResponse reply = sim.awaitResponse(ping, r -> r.message() != null, WAIT);
        assertThat(reply.message().content()).isEqualTo("pong");
        assertThat(sent.stream().filter(CompletableFuture::isDone).count()).isLessThan(sent.size());
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        assertThat(sim.peakRequestsPerSecond()).isLessThanOrEqualTo(50);
        sim.assertNoProblems();
    }
}
