package dev.drill.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.OptionalLong;

/** Draws the leaderboard card: one row per member with rank, name, points and the move since last period. */
public final class BoardCardRenderer {

    public static final String FILE_NAME = "leaderboard.png";
    static final int WIDTH = 640;

    private static final int PAD = 16;
    private static final int HEADER = 88;
    private static final int ROW = 40;
    private static final int GAP = 24;
    private static final int FOOT = 12;
    private static final Color[] MEDALS = {new Color(0xF0B232), new Color(0xC9CDD3), new Color(0xCD8A4B)};

    private BoardCardRenderer() {}

    /** The card's height for that many rows, the caller's own row and its gap included. */
    static int height(BoardCard card) {
        int rows = Math.max(1, card.rows().size());
        return HEADER + rows * ROW + (card.caller().isPresent() ? GAP + ROW : 0) + FOOT;
    }

    public static Picture render(BoardCard card) {
        int height = height(card);
        try (Canvas c = new Canvas(WIDTH, height)) {
            c.text(
                    fitted(c, card.title(), PictureFonts.bold(22), WIDTH - 2 * PAD - 8),
                    PictureFonts.bold(22),
                    Canvas.TEXT,
                    PAD + 8,
                    44);
            String sub = card.comparedWith()
                    .map(p -> "Arrows: rank against " + p)
                    .orElse("Ties go to whoever got there first.");
            c.text(
                    fitted(c, sub, PictureFonts.regular(13), WIDTH - 2 * PAD - 8),
                    PictureFonts.regular(13),
                    Canvas.MUTED,
                    PAD + 8,
                    68);
            int y = HEADER;
            if (card.rows().isEmpty()) {
                panel(c, y);
                c.text("No points yet.", PictureFonts.regular(16), Canvas.MUTED, 72, y + 23);
            }
            for (BoardCard.Row row : card.rows()) {
                row(c, card, row, y, false);
                y += ROW;
            }
            if (card.caller().isPresent()) {
                c.textCentred("…", PictureFonts.bold(16), Canvas.MUTED, 44, y + 16);
                row(c, card, card.caller().get(), y + GAP, true);
            }
            return c.png(FILE_NAME);
        }
    }

    private static void panel(Canvas c, int y) {
        c.g.setColor(Canvas.PANEL);
        c.g.fill(new RoundRectangle2D.Float(PAD, y + 2, WIDTH - 2 * PAD, ROW - 6, 10, 10));
    }

    private static void row(Canvas c, BoardCard card, BoardCard.Row row, int y, boolean self) {
        panel(c, y);
        float mid = y + 2 + (ROW - 6) / 2f;
        String rank = Long.toString(row.rank());
        if (row.rank() <= MEDALS.length) {
            c.g.setColor(MEDALS[(int) row.rank() - 1]);
            c.g.fill(new java.awt.geom.Ellipse2D.Float(44 - 13, mid - 13, 26, 26));
            c.textCentred(rank, PictureFonts.bold(14), Canvas.BACKGROUND, 44, mid + 5);
        } else {
            Font font = PictureFonts.bold(rank.length() > 3 ? 11 : 14);
            c.textCentred(rank, font, Canvas.MUTED, 44, mid + 5);
        }
        String points = row.points() + (row.points() == 1 ? " pt" : " pts");
        Font pointsFont = PictureFonts.bold(16);
        float pointsRight = WIDTH - 112;
        c.textRight(points, pointsFont, Canvas.TEXT, pointsRight, mid + 6);
        Font nameFont = PictureFonts.regular(16);
        String suffix = self ? " (you)" : "";
        int nameRoom = (int) (pointsRight - c.metrics(pointsFont).stringWidth(points) - 16 - 72)
                - c.metrics(nameFont).stringWidth(suffix);
        String name = DrawableText.fit(
                DrawableText.name(row.name(), "member …" + last4(row.memberId())), c.metrics(nameFont), nameRoom);
        c.text(name, nameFont, Canvas.TEXT, 72, mid + 6);
        if (self) {
            c.text(suffix, nameFont, Canvas.MUTED, 72 + c.metrics(nameFont).stringWidth(name), mid + 6);
        }
        if (card.comparedWith().isPresent()) {
            trend(c, row.rank(), row.previousRank(), WIDTH - 96, mid);
        }
    }

    /** The move since the previous board: ▲n, ▼n, a dash for the same rank, or "new". Drawn, not typed. */
    private static void trend(Canvas c, long rank, OptionalLong previous, float x, float mid) {
        Font font = PictureFonts.bold(13);
        if (previous.isEmpty()) {
            c.g.setColor(Canvas.ACCENT);
            c.g.fill(new RoundRectangle2D.Float(x, mid - 10, 44, 20, 10, 10));
            c.textCentred("new", font, Canvas.BACKGROUND, x + 22, mid + 5);
            return;
        }
        long moved = previous.getAsLong() - rank;
        if (moved == 0) {
            c.g.setColor(Canvas.MUTED);
            c.g.fill(new RoundRectangle2D.Float(x + 2, mid - 1.5f, 12, 3, 2, 2));
            return;
        }
        boolean up = moved > 0;
        Path2D.Float arrow = new Path2D.Float();
        if (up) {
            arrow.moveTo(x + 8, mid - 7);
            arrow.lineTo(x + 16, mid + 6);
            arrow.lineTo(x, mid + 6);
        } else {
            arrow.moveTo(x, mid - 6);
            arrow.lineTo(x + 16, mid - 6);
            arrow.lineTo(x + 8, mid + 7);
        }
        arrow.closePath();
        Color color = up ? Canvas.UP : Canvas.DOWN;
        c.g.setColor(color);
        c.g.fill(arrow);
        c.text(Long.toString(Math.abs(moved)), font, color, x + 22, mid + 5);
    }

    private static String fitted(Canvas c, String text, Font font, int width) {
        return DrawableText.fit(DrawableText.drawable(text, font), c.metrics(font), width);
    }

    static String last4(long memberId) {
        String id = Long.toString(memberId);
        return id.length() <= 4 ? id : id.substring(id.length() - 4);
    }
}
