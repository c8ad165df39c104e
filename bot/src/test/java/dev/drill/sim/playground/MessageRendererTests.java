package dev.drill.sim.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.SimAttachment;
import dev.drill.sim.SimMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Playground message rendering")
class MessageRendererTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant SENT = Instant.parse("2040-12-03T08:00:00Z");

    private final MessageRenderer renderer = new MessageRenderer(new MessageRenderer.Naming() {
        @Override
        public String channel(String id) {
            return Map.of("1", "#daily-drill", "2", "#daily-drill › Drill 2040-12-03 · caching")
                    .getOrDefault(id, "#unknown");
        }

        @Override
        public String user(String id) {
            return Map.of("10", "alice").getOrDefault(id, "unknown-user");
        }

        @Override
        public String role(String id) {
            return Map.of("20", "Team Lead").getOrDefault(id, "unknown-role");
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("Europe/Berlin");
        }
    });

    private static SimMessage message(
            String channel, String content, String embeds, String components, boolean ephemeral, Instant edited) {
        JsonNode embedNode = JSON.readTree(embeds);
        JsonNode componentNode = JSON.readTree(components);
        return new SimMessage(
                "99",
                channel,
                "5",
                "7",
                0,
                content,
                embedNode,
                componentNode,
                ephemeral ? 64 : 0,
                ephemeral,
                null,
                null,
                null,
                SENT,
                edited,
                Map.of(),
                java.util.List.of());
    }

    @Test
    @DisplayName("a post: header, embed title, description, fields and buttons, indented")
    void post() {
        SimMessage post = message("1", "<@&20>", """
                [{"title": "Daily drill · 2040-12-03 · Fresher", "description": "**What is a cache?**",
                  "fields": [{"name": "Topics", "value": "caching", "inline": true},
                             {"name": "Closes", "value": "<t:2238220800:R>", "inline": true}],
                  "footer": {"text": "Posted late"}}]""", """
                [{"type": 1, "components": [
                  {"type": 2, "style": 2, "label": "How did I do?", "custom_id": "drill:feedback:2040-12-03"},
                  {"type": 2, "style": 5, "label": "Docs", "url": "https://example.org"},
                  {"type": 2, "style": 1, "label": "Old", "custom_id": "x", "disabled": true}]}]""", false, null);

        assertThat(renderer.render(post)).isEqualTo("""
                        [#daily-drill] Drill: @Team Lead
                          Daily drill · 2040-12-03 · Fresher
                          **What is a cache?**
                          Topics: caching
                          Closes: in 1 day
                          Posted late
                          [How did I do?] [Docs → https://example.org] [Old (disabled)]""");
    }

    @Test
    @DisplayName("an attached picture is one indented line with its name and size, under the embed")
    void picture() {
        SimMessage board = message("1", "", """
                [{"title": "Leaderboard · week 2040-W49", "description": "🥇 Alice · 10 pts"}]""", "[]", false, null);
        SimMessage withPicture = new SimMessage(
                board.id(),
                board.channelId(),
                board.guildId(),
                board.authorId(),
                board.type(),
                board.content(),
                board.embeds(),
                board.components(),
                board.flags(),
                board.ephemeral(),
                board.interactionId(),
                board.allowedMentions(),
                board.nonce(),
                board.timestamp(),
                board.editedTimestamp(),
                Map.of(),
                java.util.List.of(new SimAttachment("7", "leaderboard.png", "image/png", new byte[] {1}, 640, 180)));

        assertThat(renderer.render(withPicture)).isEqualTo("""
                        [#daily-drill] Drill:
                          Leaderboard · week 2040-W49
                          🥇 Alice · 10 pts
                          [image leaderboard.png 640x180]""");
    }

    @Test
    @DisplayName("an ephemeral reply is marked (only you), an edit (edited); a list value goes under its name")
    void ephemeralAndLists() {
        SimMessage reply = message("2", "", """
                [{"fields": [{"name": "Key points", "value": "• one\\n• two"}]}]""", "[]", true, SENT.plusSeconds(5));

        assertThat(renderer.render(reply)).isEqualTo("""
                        [#daily-drill › Drill 2040-12-03 · caching] Drill (only you, edited):
                          Key points:
                            • one
                            • two""");
    }

    @Test
    @DisplayName("mentions become names, timestamps times in the zone, message links the channel they point to")
    void markup() {
        String text = "<@10> and <@!10> in <#1>, <@&20>: <t:2238307200:F> · <t:2238307200:t> · <t:2238307200:d>"
                + " · <t:2238048000:R> → https://discord.com/channels/5/2/99 <@404>";

        assertThat(renderer.markup(text, SENT))
                .isEqualTo("@alice and @alice in #daily-drill, @Team Lead: Wed 2040-12-05 09:00 CET · 09:00 CET"
                        + " · Wed 2040-12-05 · 1 day ago → #daily-drill › Drill 2040-12-03 · caching @unknown-user");
    }

    @Test
    @DisplayName("content on several lines keeps its lines, indented under the header")
    void multiLineContent() {
        SimMessage message = message("1", "first\nsecond", "[]", "[]", false, null);

        assertThat(renderer.render(message)).isEqualTo("[#daily-drill] Drill: first\n  second");
    }

    @Test
    @DisplayName("the clock line shows local time and UTC; relative times round like Discord's")
    void clockAndRelative() {
        assertThat(renderer.clock(Instant.parse("2041-03-31T07:00:00Z")))
                .isEqualTo("Sun 2041-03-31 09:00 CEST (07:00 UTC)");
        assertThat(MessageRenderer.relative(Duration.ofHours(2))).isEqualTo("in 2 hours");
        assertThat(MessageRenderer.relative(Duration.ofMinutes(-1))).isEqualTo("1 minute ago");
        assertThat(MessageRenderer.relative(Duration.ofDays(3).plusHours(1))).isEqualTo("in 3 days");
        assertThat(MessageRenderer.relative(Duration.ofSeconds(30))).isEqualTo("in 30 seconds");
    }
}
