package dev.drill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Discord's rate limits spoken to directly over HTTP: the headers of a route's bucket, its 429, the global
 * 429, the exemption of interaction callbacks and follow-ups, the counters and the latency. The limiter's
 * wall clock is frozen here, so the windows do not move under a slow machine.
 */
class RateLimitsTests {

    private static final long NOW_MILLIS = 2_000_000_000_000L;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2040-12-03T08:00:00Z"));
    private final AtomicLong wallMillis = new AtomicLong(NOW_MILLIS);
    private DiscordSimulator sim;

    @BeforeEach
    void start() {
        sim = DiscordSimulator.start(clock).rateLimits(true);
        sim.rateLimitClock(wallMillis::get);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + path))
                .header("Authorization", "Bot " + sim.botToken())
                .timeout(Duration.ofSeconds(10));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return request.build();
    }

    private HttpResponse<String> call(String method, String path, String json)
            throws IOException, InterruptedException {
        return http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String channelId, String content) throws IOException, InterruptedException {
        return call("POST", "channels/" + channelId + "/messages", "{\"content\":\"" + content + "\"}");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Fills the global window with 50 GET /channels/{id}: 5 on each of 10 channels, within their buckets. */
    private List<String> fillGlobalWindow() throws IOException, InterruptedException {
        List<String> channels = new ArrayList<>();
        while (channels.size() < 11) {
            SimGuild guild = sim.addGuild("Guild " + channels.size());
            channels.add(guild.dailyDrillId());
            channels.add(guild.generalId());
        }
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = call("GET", "channels/" + channels.get(i / 5), null);
            assertThat(response.statusCode())
                    .as("request %d of the window", i + 1)
                    .isEqualTo(200);
        }
        return channels;
    }

    @Test
    @DisplayName("a channel's message bucket: 5 per 5 s with Discord's headers, the 6th is a per-route 429")
    void perRouteBucket() throws Exception {
        // GIVEN limits on and the wall clock frozen
        String daily = sim.guild().dailyDrillId();

        // WHEN the bot posts 6 messages in #daily-drill at once
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            responses.add(post(daily, "message " + i));
        }

        // THEN the first 5 pass, counting the bucket down, with the reset 5 s ahead (epoch seconds, decimals)
        String bucket = header(responses.get(0), "X-RateLimit-Bucket");
        assertThat(bucket).matches("[0-9a-f]{32}");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = responses.get(i);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(header(ok, "X-RateLimit-Limit")).isEqualTo("5");
            assertThat(header(ok, "X-RateLimit-Remaining")).isEqualTo(Integer.toString(4 - i));
            assertThat(header(ok, "X-RateLimit-Reset")).isEqualTo("2000000005.000");
            assertThat(header(ok, "X-RateLimit-Reset-After")).isEqualTo("5.000");
            assertThat(header(ok, "X-RateLimit-Bucket")).isEqualTo(bucket);
        }
        // AND the 6th is Discord's per-route 429: not global, scope user, whole-second Retry-After
        HttpResponse<String> limited = responses.get(5);
        assertThat(limited.statusCode()).isEqualTo(429);
        JsonNode body = Json.parse(limited.body());
        assertThat(body.path("message").asString()).isEqualTo("You are being rate limited.");
        assertThat(body.path("global").asBoolean(true)).isFalse();
        assertThat(body.path("retry_after").asDouble()).isEqualTo(5.0);
        assertThat(header(limited, "Retry-After")).isEqualTo("5");
        assertThat(header(limited, "X-RateLimit-Scope")).isEqualTo("user");
        assertThat(header(limited, "X-RateLimit-Global")).isNull();
        assertThat(header(limited, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(sim.botMessages(daily)).hasSize(5);

        // AND #general is another bucket of the same route (same hash, its own count)
        HttpResponse<String> general = post(sim.guild().generalId(), "elsewhere");
        assertThat(general.statusCode()).isEqualTo(200);
        assertThat(header(general, "X-RateLimit-Bucket")).isEqualTo(bucket);
        assertThat(header(general, "X-RateLimit-Remaining")).isEqualTo("4");

        // AND 1.5 s later the retry_after still holds; once the 5 s are over the channel takes messages again
        wallMillis.addAndGet(1_500);
        HttpResponse<String> early = post(daily, "too early");
        assertThat(early.statusCode()).isEqualTo(429);
        assertThat(Json.parse(early.body()).path("retry_after").asDouble()).isEqualTo(3.5);
        assertThat(header(early, "Retry-After")).isEqualTo("4");
        wallMillis.addAndGet(3_500);
        HttpResponse<String> again = post(daily, "on time");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(header(again, "X-RateLimit-Remaining")).isEqualTo("4");

        // AND the counters saw it all
        assertThat(sim.requestCountsByRoute()).containsEntry("POST /channels/{channel_id}/messages", 9L);
        assertThat(sim.routeRateLimited()).isEqualTo(2);
        assertThat(sim.globalRateLimited()).isZero();
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("the 51st request within a second is a global 429; a second later the bot may go on")
    void globalLimit() throws Exception {
        // GIVEN 50 requests in this second, each within its own route's bucket
        List<String> channels = fillGlobalWindow();

        // WHEN a 51st comes, on a channel whose bucket is untouched
        wallMillis.addAndGet(400);
        HttpResponse<String> limited = call("GET", "channels/" + channels.get(10), null);

        // THEN Discord's global 429: global true, its headers, retry_after until the window has room
        assertThat(limited.statusCode()).isEqualTo(429);
        JsonNode body = Json.parse(limited.body());
        assertThat(body.path("message").asString()).isEqualTo("You are being rate limited.");
        assertThat(body.path("global").asBoolean()).isTrue();
        assertThat(body.path("retry_after").asDouble()).isEqualTo(0.6);
        assertThat(header(limited, "Retry-After")).isEqualTo("1");
        assertThat(header(limited, "X-RateLimit-Global")).isEqualTo("true");
        assertThat(header(limited, "X-RateLimit-Scope")).isEqualTo("global");
        assertThat(sim.globalRateLimited()).isEqualTo(1);
        assertThat(sim.peakRequestsPerSecond()).isEqualTo(50);

        // AND once the second since the first request is over, it passes
        wallMillis.addAndGet(600);
        assertThat(call("GET", "channels/" + channels.get(10), null).statusCode())
                .isEqualTo(200);
        assertThat(sim.routeRateLimited()).isZero();
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("interaction callbacks and follow-ups on the interaction's token pass while the global limit is full")
    void interactionsAreExempt() throws Exception {
        // GIVEN a command a member runs, and the global window full
        sim.addGlobalCommand(Json.parse("{\"name\":\"ping\",\"description\":\"Ping\",\"type\":1}"));
        SimInteraction ping = sim.as("alice").slash(sim.guild().dailyDrillId(), "ping");
        List<String> channels = fillGlobalWindow();
        assertThat(call("GET", "channels/" + channels.get(10), null).statusCode())
                .isEqualTo(429);

        // WHEN the bot answers the interaction and follows up through its token
        HttpResponse<String> callback = call(
                "POST",
                "interactions/" + ping.id() + "/" + ping.token() + "/callback",
                "{\"type\":4,\"data\":{\"content\":\"pong\"}}");
        HttpResponse<String> followUp =
                call("POST", "webhooks/" + sim.applicationId() + "/" + ping.token(), "{\"content\":\"and more\"}");

        // THEN both pass, with their own buckets' headers, and the member sees both
        assertThat(callback.statusCode()).isEqualTo(204);
        assertThat(header(callback, "X-RateLimit-Bucket")).isNotNull();
        assertThat(followUp.statusCode()).isEqualTo(200);
        assertThat(header(followUp, "X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(sim.responses(ping))
                .extracting(r -> r.message() == null ? null : r.message().content())
                .containsExactly("pong", "and more");
        // AND a bot request outside interactions is still refused
        assertThat(post(sim.guild().generalId(), "still limited").statusCode()).isEqualTo(429);
        assertThat(sim.globalRateLimited()).isEqualTo(2);
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("limits off (the default): no headers and no 429, however many requests")
    void offByDefault() throws Exception {
        // GIVEN a simulator as the other tests start it
        try (DiscordSimulator fresh = DiscordSimulator.start(clock)) {
            assertThat(fresh.rateLimitsOn()).isFalse();
        }
        sim.rateLimits(false);

        // WHEN the bot posts 60 messages in one channel
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 60; i++) {
            last = post(sim.guild().dailyDrillId(), "n" + i);
            statuses.add(last.statusCode());
        }

        // THEN all pass, without rate limit headers, and the counters still count
        assertThat(statuses).containsOnly(200);
        assertThat(header(last, "X-RateLimit-Bucket")).isNull();
        assertThat(sim.requestsReceived()).isEqualTo(60);
        assertThat(sim.peakRequestsPerSecond()).isEqualTo(60);
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("with 300 ms latency, 40 concurrent requests each take 300 ms and all finish together")
    void latencyDoesNotQueue() {
        // GIVEN a round trip of 300 ms and limits off (40 requests would pass no bucket)
        sim.rateLimits(false).latency(Duration.ofMillis(300));
        String daily = sim.guild().dailyDrillId();

        // WHEN 40 requests are sent at once
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(http.sendAsync(request("GET", "channels/" + daily, null), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = calls.stream().map(c -> c.join().statusCode()).toList();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // THEN all are answered, none before the latency, all within far less than 40 × 300 ms
        assertThat(statuses).containsOnly(200);
        assertThat(millis).isBetween(300L, 3_000L);
    }
}
