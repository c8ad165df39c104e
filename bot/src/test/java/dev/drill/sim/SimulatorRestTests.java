package dev.drill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator's REST side spoken to directly over HTTP: spec validation, Discord's errors, faults, ids. */
class SimulatorRestTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private DiscordSimulator sim;

    @BeforeEach
    void start() {
        sim = DiscordSimulator.start(clock);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> call(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + path))
                .header("Authorization", "Bot " + sim.botToken())
                .timeout(Duration.ofSeconds(10));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data body: payload_json, then each file as files[n] (name -> bytes, in order). */
    private HttpResponse<String> multipart(String path, String payloadJson, java.util.Map<String, byte[]> files)
            throws IOException, InterruptedException {
        String boundary = "drill-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + payloadJson + "\r\n")
                .getBytes(utf8));
        int n = 0;
        for (java.util.Map.Entry<String, byte[]> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files[" + n++
                            + "]\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(utf8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + path))
                .header("Authorization", "Bot " + sim.botToken())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] png(int width, int height) throws IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("a multipart message with a PNG keeps the bytes and serves the attachment with its size")
    void multipartAttachmentIsKept() throws Exception {
        String channel = sim.guild().dailyDrillId();
        byte[] png = png(30, 20);

        HttpResponse<String> response = multipart(
                "channels/" + channel + "/messages",
                "{\"content\":\"a picture\",\"attachments\":[{\"id\":0,\"filename\":\"card.png\"}]}",
                java.util.Map.of("card.png", png));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode served = Json.parse(response.body()).path("attachments").path(0);
        assertThat(served.path("filename").asString()).isEqualTo("card.png");
        assertThat(served.path("width").asInt()).isEqualTo(30);
        assertThat(served.path("height").asInt()).isEqualTo(20);
        assertThat(served.path("size").asInt()).isEqualTo(png.length);
        SimMessage message = sim.messages(channel).get(0);
        assertThat(message.content()).isEqualTo("a picture");
        assertThat(message.attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.bytes()).isEqualTo(png));
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("a multipart body naming a file it did not send, or with an invalid payload_json, is refused")
    void multipartIsValidated() throws Exception {
        String channel = sim.guild().dailyDrillId();

        HttpResponse<String> missing = multipart(
                "channels/" + channel + "/messages",
                "{\"content\":\"x\",\"attachments\":[{\"id\":1,\"filename\":\"card.png\"}]}",
                java.util.Map.of("card.png", png(2, 2)));
        HttpResponse<String> invalid = multipart(
                "channels/" + channel + "/messages", "{\"content\":5}", java.util.Map.of("card.png", png(2, 2)));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(sim.problems()).hasSize(2);
        assertThat(sim.problems().get(0)).contains("files[1]");
        assertThat(sim.problems().get(1)).contains("/content");
        assertThat(sim.messages(channel)).isEmpty();
    }

    private String post(String channelId, String content) throws IOException, InterruptedException {
        HttpResponse<String> response =
                call("POST", "channels/" + channelId + "/messages", "{\"content\":\"" + content + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body()).path("id").asString();
    }

    @Test
    @DisplayName("a message whose content is the number 5 is rejected by the spec (400, 50035) and recorded")
    void contentMustBeAString() throws Exception {
        // GIVEN #daily-drill
        String channel = sim.guild().dailyDrillId();

        // WHEN a body with "content": 5 is posted
        HttpResponse<String> response = call("POST", "channels/" + channel + "/messages", "{\"content\":5}");

        // THEN Discord's answer, a recorded problem, and no message
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("code").asInt()).isEqualTo(50035);
        assertThat(sim.problems()).singleElement().asString().contains("create_message", "/content");
        assertThat(sim.messages(channel)).isEmpty();
        assertThatThrownBy(sim::assertNoProblems)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/content");
    }

    @Test
    @DisplayName("a thread whose auto_archive_duration is 42 is rejected by the spec")
    void archiveDurationMustBeOneOfDiscords() throws Exception {
        // GIVEN a message in #daily-drill
        String channel = sim.guild().dailyDrillId();
        String message = post(channel, "question");

        // WHEN a thread is started from it with auto_archive_duration 42
        HttpResponse<String> response = call(
                "POST",
                "channels/" + channel + "/messages/" + message + "/threads",
                "{\"name\":\"answers\",\"auto_archive_duration\":42}");

        // THEN it is refused and no thread exists
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sim.problems())
                .singleElement()
                .asString()
                .contains("create_thread_from_message", "auto_archive_duration");
        assertThat(sim.threads(channel)).isEmpty();
    }

    @Test
    @DisplayName("command contexts sent as numeric strings (as JDA 6.5.0 does) are coerced to integers, not rejected")
    void contextsAsNumericStringsAreCoerced() throws Exception {
        // GIVEN a command body the way JDA 6.5.0 writes it: contexts ["0","1"], integration_types ["0"]
        String body = "[{\"name\":\"drill\",\"description\":\"Daily drill\",\"type\":1,"
                + "\"contexts\":[\"0\",\"1\"],\"integration_types\":[\"0\"]}]";

        // WHEN it registers the guild's commands
        HttpResponse<String> response = call(
                "PUT",
                "applications/" + sim.applicationId() + "/guilds/" + sim.guild().id() + "/commands",
                body);

        // THEN Discord's leniency is reproduced: accepted, stored as integers, and no problem
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stored = sim.commands(sim.guild()).get(0);
        assertThat(stored.path("contexts").get(0).isIntegralNumber()).isTrue();
        assertThat(stored.path("contexts").toString()).isEqualTo("[0,1]");
        assertThat(stored.path("id").asString()).isNotBlank();
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("the coercion is narrow: a non-numeric string where an integer is wanted is still rejected")
    void nonNumericStringsAreNotCoerced() throws Exception {
        HttpResponse<String> response = call(
                "PUT",
                "applications/" + sim.applicationId() + "/guilds/" + sim.guild().id() + "/commands",
                "[{\"name\":\"drill\",\"description\":\"d\",\"contexts\":[\"guild\"]}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sim.problems()).singleElement().asString().contains("contexts");
    }

    @Test
    @DisplayName("an unknown route is answered 404 and recorded; a missing token is 401")
    void unknownRouteAndAuth() throws Exception {
        HttpResponse<String> unknown = call("GET", "channels/1/frobnicate", null);
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + "users/@me"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(sim.problems()).singleElement().asString().contains("unknown route", "/channels/1/frobnicate");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(sim.requests()).extracting(RecordedRequest::status).containsExactly(404, 401);
    }

    @Test
    @DisplayName("denyBot dispatches CHANNEL_UPDATE with the overwrite, and REST answers 403 Missing Permissions")
    void deniedPermissionsAreEnforced() throws Exception {
        // GIVEN the bot may not send in #general
        String general = sim.guild().generalId();
        sim.denyBot(general, SimWorld.SEND_MESSAGES);

        // WHEN it posts there anyway
        HttpResponse<String> response = call("POST", "channels/" + general + "/messages", "{\"content\":\"hi\"}");

        // THEN 403 50013, and the overwrite went out on the gateway
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.parse(response.body()).path("code").asInt()).isEqualTo(50013);
        JsonNode overwrite = sim.events("CHANNEL_UPDATE")
                .get(0)
                .payload()
                .path("permission_overwrites")
                .get(0);
        assertThat(overwrite.path("id").asString()).isEqualTo(sim.botUser().id());
        assertThat(overwrite.path("deny").asString()).isEqualTo(Long.toString(SimWorld.SEND_MESSAGES));
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("a deleted channel is 404 Unknown Channel; a guild that removed the bot is 403 with GUILD_DELETE")
    void deletedChannelAndRemovedGuild() throws Exception {
        // GIVEN a second guild, and #general of the first deleted
        SimGuild other = sim.addGuild("Other Team");
        sim.deleteChannel(sim.guild().generalId());
        sim.removeBotFrom(other);

        // WHEN the bot posts in both
        HttpResponse<String> deleted =
                call("POST", "channels/" + sim.guild().generalId() + "/messages", "{\"content\":\"x\"}");
        HttpResponse<String> kicked =
                call("POST", "channels/" + other.dailyDrillId() + "/messages", "{\"content\":\"x\"}");

        // THEN Discord's answers and events
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(Json.parse(deleted.body()).path("code").asInt()).isEqualTo(10003);
        assertThat(kicked.statusCode()).isEqualTo(403);
        assertThat(sim.events()).extracting(DispatchedEvent::type).contains("CHANNEL_DELETE", "GUILD_DELETE");
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("queued faults: a 429 carries Retry-After, X-RateLimit-* and via; a 502 once, then success")
    void faultsOnDemand() throws Exception {
        // GIVEN a 429 then a 502 queued for posts in #general
        String general = sim.guild().generalId();
        sim.failNext("POST", "/channels/\\d+/messages", 1, RestFault.rateLimited(Duration.ofSeconds(2)));
        sim.failNext("POST", "/channels/\\d+/messages", 1, RestFault.serverError(502));

        // WHEN three posts are made
        HttpResponse<String> limited = call("POST", "channels/" + general + "/messages", "{\"content\":\"a\"}");
        HttpResponse<String> failed = call("POST", "channels/" + general + "/messages", "{\"content\":\"a\"}");
        HttpResponse<String> ok = call("POST", "channels/" + general + "/messages", "{\"content\":\"a\"}");

        // THEN each fault answered once, shaped like Discord's
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.headers().firstValue("via")).isPresent();
        assertThat(limited.headers().firstValue("X-RateLimit-Bucket")).isPresent();
        JsonNode body = Json.parse(limited.body());
        assertThat(body.path("retry_after").asDouble()).isEqualTo(2.0);
        assertThat(body.path("global").asBoolean(true)).isFalse();
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(sim.messages(general)).hasSize(1);
    }

    @Test
    @DisplayName("snowflakes are minted from the simulated clock and follow it when it moves")
    void idsFollowTheClock() throws Exception {
        String first = post(sim.guild().generalId(), "today");
        clock.advance(Duration.ofDays(1));
        String second = post(sim.guild().generalId(), "tomorrow");

        assertThat(Snowflakes.timeOf(first)).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(Snowflakes.timeOf(second)).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(sim.message(second).orElseThrow().timestamp()).isEqualTo(clock.instant());
    }

    @Test
    @DisplayName("history: after/before/limit, newest first")
    void history() throws Exception {
        String general = sim.guild().generalId();
        String one = post(general, "one");
        String two = post(general, "two");
        String three = post(general, "three");

        JsonNode after = Json.parse(call("GET", "channels/" + general + "/messages?after=" + one + "&limit=10", null)
                .body());
        JsonNode before = Json.parse(call("GET", "channels/" + general + "/messages?before=" + three + "&limit=1", null)
                .body());
        JsonNode single = Json.parse(
                call("GET", "channels/" + general + "/messages/" + two, null).body());

        assertThat(after.findValuesAsString("content")).containsExactly("three", "two");
        assertThat(before.findValuesAsString("content")).containsExactly("two");
        assertThat(single.path("content").asString()).isEqualTo("two");
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("a locked thread: THREAD_UPDATE goes out, and members can no longer post in it")
    void lockedThreadRefusesMembers() throws Exception {
        // GIVEN a thread the bot opened
        String channel = sim.guild().dailyDrillId();
        String thread = post(channel, "question");
        call(
                "POST",
                "channels/" + channel + "/messages/" + thread + "/threads",
                "{\"name\":\"answers\",\"auto_archive_duration\":1440}");
        sim.as("alice").say(thread, "my answer");

        // WHEN the bot locks it
        HttpResponse<String> locked = call("PATCH", "channels/" + thread, "{\"locked\":true}");

        // THEN the lock is visible, dispatched, and enforced for members
        assertThat(locked.statusCode()).isEqualTo(200);
        assertThat(sim.channel(thread).orElseThrow().locked()).isTrue();
        assertThat(sim.events("THREAD_UPDATE")
                        .get(0)
                        .payload()
                        .path("thread_metadata")
                        .path("locked")
                        .asBoolean())
                .isTrue();
        assertThatThrownBy(() -> sim.as("bob").say(thread, "too late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("locked");
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("what the bot posts is kept: embeds, components, flags and allowed_mentions as sent")
    void keepsWhatTheBotSent() throws Exception {
        String body = "{\"content\":\"Question\",\"flags\":4,\"allowed_mentions\":{\"parse\":[]},"
                + "\"embeds\":[{\"title\":\"B-trees\",\"description\":\"Why are they shallow?\"}],"
                + "\"components\":[{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"Reveal\","
                + "\"custom_id\":\"reveal:q1\"}]}]}";

        HttpResponse<String> response = call("POST", "channels/" + sim.guild().dailyDrillId() + "/messages", body);

        assertThat(response.statusCode()).isEqualTo(200);
        SimMessage kept = sim.botMessages(sim.guild().dailyDrillId()).get(0);
        assertThat(kept.embedTitles()).containsExactly("B-trees");
        assertThat(kept.embedDescriptions()).containsExactly("Why are they shallow?");
        assertThat(kept.customIds()).containsExactly("reveal:q1");
        assertThat(kept.flags()).isEqualTo(4);
        assertThat(kept.allowedMentions().toString()).isEqualTo("{\"parse\":[]}");
        assertThat(kept.ephemeral()).isFalse();
        sim.assertNoProblems();
    }

    @Test
    @DisplayName("a nonce dedupes within a few minutes only; later the same nonce makes a new message")
    void nonceWindow() throws Exception {
        String channel = sim.guild().generalId();
        String body = "{\"content\":\"round\",\"nonce\":\"r-1\",\"enforce_nonce\":true}";

        String first = Json.parse(
                        call("POST", "channels/" + channel + "/messages", body).body())
                .path("id")
                .asString();
        String retry = Json.parse(
                        call("POST", "channels/" + channel + "/messages", body).body())
                .path("id")
                .asString();
        clock.advance(Duration.ofMinutes(10));
        String later = Json.parse(
                        call("POST", "channels/" + channel + "/messages", body).body())
                .path("id")
                .asString();

        assertThat(retry).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
        assertThat(sim.messages(channel)).hasSize(2);
    }

    @Test
    @DisplayName("interaction callbacks over HTTP: a modal is recorded, a second ack is 40060, an old token is 50027")
    void interactionCallbacks() throws Exception {
        // GIVEN a registered /drill and alice running it (no bot connected: the event goes nowhere)
        call(
                "PUT",
                "applications/" + sim.applicationId() + "/guilds/" + sim.guild().id() + "/commands",
                "[{\"name\":\"drill\",\"description\":\"Daily drill\"}]");
        SimInteraction interaction = sim.as("alice").slash(sim.guild().generalId(), "drill");
        String callback = "interactions/" + interaction.id() + "/" + interaction.token() + "/callback";
        String modal = "{\"type\":9,\"data\":{\"custom_id\":\"answer\",\"title\":\"Your answer\",\"components\":"
                + "[{\"type\":1,\"components\":[{\"type\":4,\"custom_id\":\"text\",\"style\":2,\"label\":\"Answer\"}]}]}}";

        // WHEN the bot answers with a modal, then tries to answer again, then follows up 16 minutes later
        HttpResponse<String> first = call("POST", callback + "?with_response=true", modal);
        HttpResponse<String> second = call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"again\"}}");
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> late = call(
                "POST", "webhooks/" + sim.applicationId() + "/" + interaction.token(), "{\"content\":\"too late\"}");

        // THEN Discord's answers, and one recorded response
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Json.parse(first.body()).path("resource").path("type").asInt())
                .isEqualTo(9);
        assertThat(Json.parse(second.body()).path("code").asInt()).isEqualTo(40060);
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(Json.parse(late.body()).path("code").asInt()).isEqualTo(50027);
        assertThat(sim.responses(interaction)).extracting(SimResponse::kind).containsExactly(SimResponse.Kind.MODAL);
        sim.assertNoProblems();
    }
}
