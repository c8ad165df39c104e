package dev.drill.picture;

import java.awt.Font;
import java.awt.FontMetrics;

/**
 * Text as a picture can draw it with the bundled font: code points the font has no glyph for (emoji, most
 * CJK, symbols) are left out rather than drawn as empty boxes, and invisible characters (zero-width joiners,
 * variation selectors, bidi controls) go with them. Works on code points, so a surrogate pair is kept or
 * dropped whole. The full name stays in the message's text; the picture shows what the font can show.
 */
public final class DrawableText {

    private DrawableText() {}

    /** {@code text} with what {@code font} cannot draw removed, whitespace runs as one space, stripped. */
    static String drawable(String text, Font font) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.CONTROL) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (Character.getType(cp) != Character.FORMAT && !isVariationSelector(cp) && font.canDisplay(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    /** {@link #drawable} of the name, or {@code fallback} when nothing of it can be drawn. */
    public static String name(String text, String fallback) {
        String drawn = drawable(text, PictureFonts.REGULAR);
        return drawn.isEmpty() ? fallback : drawn;
    }

    /** Cut to {@code maxWidth} pixels with an ellipsis, by whole code points. */
    static String fit(String text, FontMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        int end = text.length();
        while (end > 0) {
            end = text.offsetByCodePoints(end, -1);
            String cut = text.substring(0, end).stripTrailing() + "…";
            if (metrics.stringWidth(cut) <= maxWidth) {
                return cut;
            }
        }
        return "…";
    }

    private static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }
}
