package dev.drill.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two pictures against their golden images, and the rules that make them the same everywhere. */
class PictureTests {

    /** A name with an emoji (a surrogate pair plus a variation selector and a joiner), Cyrillic and Latin. */
    static final String MIXED_NAME = "Аня 🔥‍❤️ Smirnova";

    static BoardCard weekBoard() {
        return new BoardCard(
                "Leaderboard · week 2040-W49",
                Optional.of("week 2040-W48"),
                List.of(
                        new BoardCard.Row(1, 1001, MIXED_NAME, 42, OptionalLong.of(3)),
                        new BoardCard.Row(2, 1002, "bob", 31, OptionalLong.of(1)),
                        new BoardCard.Row(3, 1003, "carol", 17, OptionalLong.of(3)),
                        new BoardCard.Row(4, 1004, "🦊🫠", 12, OptionalLong.empty()),
                        new BoardCard.Row(
                                5, 1005, "a very long display name that will not fit", 1, OptionalLong.of(2))),
                Optional.of(new BoardCard.Row(12, 1012, "dave", 0, OptionalLong.of(11))));
    }

    static ProgressCard progress() {
        LocalDate today = LocalDate.of(2040, 12, 5); // a Wednesday
        List<ProgressCard.WeekPoints> weeks = new ArrayList<>();
        Set<LocalDate> answered = new HashSet<>();
        long[] points = {0, 12, 23, 11, 0, 35, 47, 22, 10, 0, 58, 21};
        for (int i = 0; i < 12; i++) {
            weeks.add(new ProgressCard.WeekPoints(String.format("2040-W%02d", 38 + i), points[i]));
        }
        for (int d = 0; d < 84; d += 3) {
            answered.add(today.minusDays(d));
        }
        answered.add(today.minusDays(1));
        answered.add(today.plusDays(1)); // not drawn: after today
        return new ProgressCard(1001, MIXED_NAME, today, weeks, answered, 3, 7);
    }

    @Test
    void leaderboardCardMatchesItsGoldenImageWithEmojiAndCyrillicName() {
        Picture picture = BoardCardRenderer.render(weekBoard());
        assertThat(picture.fileName()).isEqualTo("leaderboard.png");
        assertThat(picture.width()).isEqualTo(640);
        assertThat(picture.height()).isEqualTo(BoardCardRenderer.height(weekBoard()));
        GoldenImage.assertMatches("leaderboard-week.png", picture);
    }

    @Test
    void allTimeBoardHasNoArrowsAndAnEmptyBoardSaysSo() {
        BoardCard allTime = new BoardCard(
                "Leaderboard · all time",
                Optional.empty(),
                List.of(new BoardCard.Row(1, 1001, "alice", 120, OptionalLong.empty())),
                Optional.empty());
        GoldenImage.assertMatches("leaderboard-all.png", BoardCardRenderer.render(allTime));
        BoardCard empty =
                new BoardCard("Leaderboard · week 2040-W49", Optional.of("week 2040-W48"), List.of(), Optional.empty());
        GoldenImage.assertMatches("leaderboard-empty.png", BoardCardRenderer.render(empty));
    }

    @Test
    void progressCardMatchesItsGoldenImage() {
        Picture picture = ProgressCardRenderer.render(progress());
        assertThat(picture.fileName()).isEqualTo("stats.png");
        assertThat(picture.width()).isEqualTo(640);
        assertThat(picture.height()).isEqualTo(ProgressCardRenderer.HEIGHT);
        GoldenImage.assertMatches("stats.png", picture);
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        assertThat(BoardCardRenderer.render(weekBoard()).png())
                .isEqualTo(BoardCardRenderer.render(weekBoard()).png());
        assertThat(ProgressCardRenderer.render(progress()).png())
                .isEqualTo(ProgressCardRenderer.render(progress()).png());
    }

    @Test
    void thePngCarriesNoTimeOrTextChunks() {
        byte[] png = BoardCardRenderer.render(weekBoard()).png();
        List<String> chunks = new ArrayList<>();
        int at = 8;
        while (at + 8 <= png.length) {
            int length = ((png[at] & 0xFF) << 24)
                    | ((png[at + 1] & 0xFF) << 16)
                    | ((png[at + 2] & 0xFF) << 8)
                    | (png[at + 3] & 0xFF);
            chunks.add(new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
            at += 12 + length;
        }
        assertThat(chunks).doesNotContain("tIME", "tEXt", "iTXt", "zTXt").contains("IHDR", "IDAT", "IEND");
    }

    @Test
    void namesKeepWhatTheFontHasAndDropTheRest() {
        assertThat(DrawableText.drawable(MIXED_NAME, PictureFonts.REGULAR))
                .isEqualTo("Аня ❤ Smirnova"); // the font has the heart, not the flame
        assertThat(DrawableText.name("🦊🫠", "member …1004")).isEqualTo("member …1004");
        assertThat(DrawableText.name("Ωmega 中 ‮evil", "x")).doesNotContain("\u202E");
        // A lone surrogate (a name cut in the middle of a pair) and controls never crash the drawing.
        String broken = "ab\uD83D\u0000\tc\uDE00";
        assertThatCode(() -> BoardCardRenderer.render(new BoardCard(
                        "t",
                        Optional.empty(),
                        List.of(new BoardCard.Row(1, 1, broken, 1, OptionalLong.empty())),
                        Optional.empty())))
                .doesNotThrowAnyException();
        assertThat(DrawableText.drawable(broken, PictureFonts.REGULAR)).isEqualTo("ab c");
    }

    @Test
    void theGoldenCompareSeesOnePixel() {
        BufferedImage a =
                GoldenImage.decode(BoardCardRenderer.render(weekBoard()).png());
        BufferedImage b =
                GoldenImage.decode(BoardCardRenderer.render(weekBoard()).png());
        assertThat(GoldenImage.difference(a, b)).isNull();
        b.setRGB(10, 10, 0x123456);
        assertThat(GoldenImage.difference(a, b)).startsWith("1 pixels differ, the first at (10, 10)");
    }
}
