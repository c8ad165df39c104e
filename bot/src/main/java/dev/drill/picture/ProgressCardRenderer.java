package dev.drill.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Draws a member's progress card: a bar chart of points per week (oldest left, this week right, in the
 * accent colour) and, under it, a calendar of the same weeks (a column a week, Monday on top) with a filled
 * square for every day the member answered a round.
 */
public final class ProgressCardRenderer {

    public static final String FILE_NAME = "stats.png";
    static final int WIDTH = 640;
    static final int HEIGHT = 520;

    private static final int LEFT = 48;
    private static final int RIGHT = WIDTH - 24;
    private static final int CHART_TOP = 104;
    private static final int CHART_BOTTOM = 248;
    private static final int GRID_TOP = 318;
    private static final int CELL = 18;
    private static final int CELL_GAP = 4;
    private static final Color BAR = new Color(0x2D7D46);
    private static final String[] DAYS = {"Mon", "", "Wed", "", "Fri", "", "Sun"};

    private ProgressCardRenderer() {}

    public static Picture render(ProgressCard card) {
        try (Canvas c = new Canvas(WIDTH, HEIGHT)) {
            Font title = PictureFonts.bold(22);
            String name = DrawableText.name(card.name(), "member …" + BoardCardRenderer.last4(card.memberId()));
            c.text(DrawableText.fit(name, c.metrics(title), RIGHT - 24), title, Canvas.TEXT, 24, 44);
            c.text("Points per week", PictureFonts.bold(14), Canvas.TEXT, 24, 80);
            c.textRight("last " + card.weeks().size() + " weeks", PictureFonts.regular(12), Canvas.MUTED, RIGHT, 80);
            bars(c, card.weeks());
            c.text("Rounds answered", PictureFonts.bold(14), Canvas.TEXT, 24, 300);
            c.textRight(
                    "streak " + card.currentStreak() + " · best " + card.bestStreak(),
                    PictureFonts.regular(12),
                    Canvas.MUTED,
                    RIGHT,
                    300);
            calendar(c, card);
            return c.png(FILE_NAME);
        }
    }

    private static float slot(int weeks) {
        return (RIGHT - LEFT) / (float) Math.max(1, weeks);
    }

    private static void bars(Canvas c, List<ProgressCard.WeekPoints> weeks) {
        long max = 0;
        for (ProgressCard.WeekPoints w : weeks) {
            max = Math.max(max, w.points());
        }
        long top = niceTop(max);
        Font small = PictureFonts.regular(11);
        c.g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= 2; i++) {
            float y = CHART_BOTTOM - (CHART_BOTTOM - CHART_TOP) * i / 2f;
            c.g.setColor(i == 0 ? Canvas.MUTED : Canvas.EMPTY);
            c.g.draw(new Line2D.Float(LEFT, y, RIGHT, y));
            c.textRight(Long.toString(top * i / 2), small, Canvas.MUTED, LEFT - 6, y + 4);
        }
        float slot = slot(weeks.size());
        float barWidth = Math.min(30, slot - 10);
        for (int i = 0; i < weeks.size(); i++) {
            ProgressCard.WeekPoints w = weeks.get(i);
            float centre = LEFT + slot * i + slot / 2;
            float h = top == 0 ? 0 : (CHART_BOTTOM - CHART_TOP) * (float) w.points() / top;
            if (h > 0) {
                c.g.setColor(i == weeks.size() - 1 ? Canvas.ACCENT : BAR);
                c.g.fill(new RoundRectangle2D.Float(centre - barWidth / 2, CHART_BOTTOM - h, barWidth, h, 4, 4));
                c.g.fill(new Rectangle2D.Float(
                        centre - barWidth / 2, CHART_BOTTOM - Math.min(h, 4), barWidth, Math.min(h, 4)));
                c.textCentred(Long.toString(w.points()), small, Canvas.TEXT, centre, CHART_BOTTOM - h - 5);
            }
            c.textCentred(weekLabel(w.week()), small, Canvas.MUTED, centre, CHART_BOTTOM + 16);
        }
    }

    /** The chart's top: the largest value rounded up to a multiple of 10 (at least 10), halved evenly. */
    static long niceTop(long max) {
        long top = Math.max(10, ((max + 9) / 10) * 10);
        return top % 20 == 0 ? top : top + 10;
    }

    private static String weekLabel(String isoWeek) {
        int w = isoWeek.indexOf('W');
        return w < 0 ? isoWeek : isoWeek.substring(w);
    }

    private static void calendar(Canvas c, ProgressCard card) {
        int weeks = card.weeks().size();
        float slot = slot(weeks);
        LocalDate thisMonday = card.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Font small = PictureFonts.regular(11);
        for (int d = 0; d < 7; d++) {
            if (!DAYS[d].isEmpty()) {
                c.textRight(DAYS[d], small, Canvas.MUTED, LEFT - 6, GRID_TOP + d * (CELL + CELL_GAP) + 13);
            }
        }
        for (int i = 0; i < weeks; i++) {
            LocalDate monday = thisMonday.minusWeeks(weeks - 1 - i);
            float x = LEFT + slot * i + slot / 2 - CELL / 2f;
            for (int d = 0; d < 7; d++) {
                LocalDate day = monday.plusDays(d);
                float y = GRID_TOP + d * (CELL + CELL_GAP);
                RoundRectangle2D.Float cell = new RoundRectangle2D.Float(x, y, CELL, CELL, 4, 4);
                if (day.isAfter(card.today())) {
                    continue; // the rest of this week has not happened yet
                }
                c.g.setColor(card.answered().contains(day) ? Canvas.ACCENT : Canvas.EMPTY);
                c.g.fill(cell);
                if (day.equals(card.today())) {
                    c.g.setColor(Canvas.TEXT);
                    c.g.setStroke(new BasicStroke(1.5f));
                    c.g.draw(cell);
                }
            }
        }
        float legendY = GRID_TOP + 7 * (CELL + CELL_GAP) + 20;
        legend(c, Canvas.ACCENT, "answered", LEFT, legendY);
        legend(c, Canvas.EMPTY, "not answered", LEFT + 110, legendY);
    }

    private static void legend(Canvas c, Color color, String label, float x, float y) {
        c.g.setColor(color);
        c.g.fill(new RoundRectangle2D.Float(x, y - 10, 12, 12, 3, 3));
        c.text(label, PictureFonts.regular(12), Canvas.MUTED, x + 18, y);
    }
}
