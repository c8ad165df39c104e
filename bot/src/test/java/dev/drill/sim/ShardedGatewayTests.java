package dev.drill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two JDA instances, shard 0 and shard 1 of 2 (as two processes would run them), on one simulator: each
 * hears only its own guilds, by Discord's rule {@code (guild_id >> 22) % total}; DMs go to shard 0.
 */
class ShardedGatewayTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2040-12-03T08:00:00Z"));
    private final EventRecorder heardBy0 = new EventRecorder();
    private final EventRecorder heardBy1 = new EventRecorder();
    private DiscordSimulator sim;
    private JDA shard0;
    private JDA shard1;

    @BeforeEach
    void start() {
        sim = DiscordSimulator.start(clock).shards(2);
    }

    @AfterEach
    void stop() {
        for (JDA jda : new JDA[] {shard0, shard1}) {
            if (jda != null) {
                jda.shutdownNow();
            }
        }
        sim.close();
    }

    private static List<String> guildIds(JDA jda) {
        return jda.getGuilds().stream().map(Guild::getId).sorted().toList();
    }

    @Test
    @DisplayName("GET /gateway/bot recommends the configured shards; consecutive guilds alternate between 2 shards")
    void gatewayBotAndGuildIds() throws Exception {
        // GIVEN a simulator that recommends 2 shards, with 4 guilds
        List<SimGuild> guilds = List.of(sim.guild(), sim.addGuild("B"), sim.addGuild("C"), sim.addGuild("D"));

        // WHEN a client asks Discord how to shard
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + "gateway/bot"))
                                .header("Authorization", "Bot " + sim.botToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // THEN it gets 2 shards and a session start limit, and the guilds are spread over both shards
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("url").asString()).isEqualTo(sim.gatewayUrl());
        assertThat(body.path("shards").asInt()).isEqualTo(2);
        assertThat(body.path("session_start_limit").path("max_concurrency").asInt())
                .isEqualTo(1);
        assertThat(body.path("session_start_limit").path("remaining").asInt()).isEqualTo(1000);
        assertThat(guilds).extracting(g -> DiscordSimulator.shardOf(g.id(), 2)).containsExactly(0, 1, 0, 1);
        // AND a guild can be put on a chosen shard of any count
        SimGuild onShard3 = sim.addGuild("E", 3, 5);
        assertThat((Long.parseLong(onShard3.id()) >> 22) % 5).isEqualTo(3);
    }

    @Test
    @DisplayName("shard 0 and shard 1 of 2: each gets GUILD_CREATE and messages only for its own guilds")
    void eachShardHearsItsGuilds() throws Exception {
        // GIVEN guilds on both shards, and two JDA instances, shard 0 and shard 1 of 2
        SimGuild first = sim.guild(); // shard 0
        SimGuild second = sim.addGuild("Second"); // shard 1
        SimGuild third = sim.addGuild("Third"); // shard 0
        shard0 = SimulatedJda.connectShard(sim, 0, 2, heardBy0);
        shard1 = SimulatedJda.connectShard(sim, 1, 2, heardBy1);

        // THEN each knows only its own guilds
        assertThat(guildIds(shard0)).containsExactlyElementsOf(sorted(first.id(), third.id()));
        assertThat(guildIds(shard1)).containsExactly(second.id());
        assertThat(sim.liveShards()).containsExactlyInAnyOrder(List.of(0, 2), List.of(1, 2));
        assertThat(sim.identifies()).isEqualTo(2);

        // WHEN members write in each guild and in a DM, and a guild is added while both are connected
        sim.as("alice").say(second.generalId(), "hello shard 1");
        sim.as("bob").say(third.generalId(), "hello shard 0");
        sim.as("carol").say(sim.dmChannel("carol"), "a DM");
        SimGuild fourth = sim.addGuild("Fourth"); // shard 1

        // THEN shard 1 hears only the message of its guild, shard 0 the other and the DM
        heardBy1.await(
                MessageReceivedEvent.class, e -> e.getMessage().getContentRaw().equals("hello shard 1"), WAIT);
        heardBy0.awaitAll(MessageReceivedEvent.class, e -> true, 2, WAIT);
        sim.await("shard 1 to see the fourth guild", WAIT, () -> Optional.ofNullable(shard1.getGuildById(fourth.id())));
        assertThat(heardBy0.all(MessageReceivedEvent.class))
                .extracting(e -> e.getMessage().getContentRaw())
                .containsExactly("hello shard 0", "a DM");
        assertThat(heardBy1.all(MessageReceivedEvent.class))
                .extracting(e -> e.getMessage().getContentRaw())
                .containsExactly("hello shard 1");
        assertThat(shard0.getGuildById(fourth.id())).isNull();
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("a ShardManager that asks GET /gateway/bot starts the 2 recommended shards, each with its guilds")
    void shardManagerFollowsTheRecommendation() throws Exception {
        // GIVEN 3 guilds over 2 shards, and Discord allowing 2 identifies at once
        sim.maxConcurrency(2);
        SimGuild second = sim.addGuild("Second");
        SimGuild third = sim.addGuild("Third");

        // WHEN a ShardManager starts without a shard count of its own
        ShardManager manager = DefaultShardManagerBuilder.createLight(sim.botToken(), GatewayIntent.GUILD_MESSAGES)
                .setRestConfig(new RestConfig().setBaseUrl(sim.restBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return sim.gatewayUrl();
                    }
                })
                .setCompression(Compression.NONE)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .addEventListeners(heardBy0)
                .build();
        try {
            // The manager starts its shards in the background; each fires READY once its guilds are in.
            heardBy0.awaitAll(ReadyEvent.class, e -> true, 2, WAIT);

            // THEN it runs 2 shards, and each has exactly its own guilds
            assertThat(manager.getShardsTotal()).isEqualTo(2);
            assertThat(guildIds(manager.getShardById(0)))
                    .containsExactlyElementsOf(sorted(sim.guild().id(), third.id()));
            assertThat(guildIds(manager.getShardById(1))).containsExactly(second.id());
            assertThat(sim.liveShards()).containsExactlyInAnyOrder(List.of(0, 2), List.of(1, 2));
        } finally {
            manager.shutdown();
        }
        sim.assertNoProblems();
    }

    private static List<String> sorted(String... ids) {
        return Arrays.stream(ids).sorted().toList();
    }
}
