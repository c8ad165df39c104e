package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drill.sim.SimAttachment;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: the leaderboard and stats pictures")
class PicturesE2ETests {

    private static final String LONG = "An answer long enough to count: it explains the idea, the how and the why. ";

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    private static BufferedImage decode(SimAttachment attachment) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(attachment.bytes()));
        assertThat(image).as("%s decodes as an image", attachment.filename()).isNotNull();
        return image;
    }

    @Test
    @DisplayName("/drill leaderboard and /drill stats attach a PNG of the expected size; the embed keeps the text")
    void leaderboardAndStatsAttachPictures() throws IOException {
        // GIVEN a round that alice and bob answered
        drill.setUpDailyDrill();
        SimChannel monday = drill.openRound(Instant.parse("2040-12-03T08:00:00Z"));
        drill.as("alice").say(monday.id(), LONG + "Alice.");
        drill.as("bob").say(monday.id(), LONG + "Bob.");

        // WHEN carol asks for the week's board
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(drill.command("carol", "drill leaderboard")
                                .message()
                                .embedDescriptions()
                                .get(0))
                        .contains("Alice · 10 pts", "Bob · 10 pts"));
        SimResponse board = drill.command("carol", "drill leaderboard", Map.of("period", "week"));

        // THEN the message has the text and one PNG: 640 wide, a header, two rows and the margin
        assertThat(board.ephemeral()).isFalse();
        assertThat(board.message().embedTitles()).containsExactly("Leaderboard · week 2040-W49");
        assertThat(board.message().attachments()).singleElement().satisfies(png -> {
            assertThat(png.filename()).isEqualTo("leaderboard.png");
            BufferedImage image = decode(png);
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(88 + 2 * 40 + 12);
        });

        // WHEN bob asks for alice's stats
        SimResponse stats = drill.command(
                "bob", "drill stats", Map.of("member", drill.as("alice").user().id()));

        // THEN the embed has the figures and the PNG the chart and the calendar
        assertThat(stats.message().embedTitles()).containsExactly("Stats · Alice");
        assertThat(stats.message().attachments()).singleElement().satisfies(png -> {
            assertThat(png.filename()).isEqualTo("stats.png");
            BufferedImage image = decode(png);
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(520);
        });
        // AND the files went as multipart requests the simulator checked against Discord's spec
        drill.sim().assertNoProblems();
    }
}
