package dev.drill.answer;

/**
 * Decides whether a thread message is long enough to be an answer. Only what a reader can see counts, so
 * padding a one-liner with zero-width spaces or blank lines does not make it an answer.
 */
public final class AnswerText {

    /** Letters that render as nothing: Hangul fillers and the blank braille pattern. */
    private static final java.util.Set<Integer> BLANK_FILLERS =
            java.util.Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private AnswerText() {}

    /**
     * Mentions, channel links and custom emoji are markup, not words of an answer: {@code <@123…>} would
     * otherwise count as twenty characters.
     */
    private static final java.util.regex.Pattern MARKUP =
            java.util.regex.Pattern.compile("<(?:@[!&]?|#|a?:\\w+:)\\d+>");

    /**
     * Code points that are not whitespace (including no-break and other Unicode spaces), not control
     * characters (Cc), not format characters (Cf: U+200B, U+200D, U+2060, U+FEFF, bidi marks…), not
     * combining marks (Mn, Me) and not the blank fillers Discord shows as nothing (Hangul fillers, the blank
     * braille pattern); mentions and custom emoji do not count.
     */
    public static int visibleLength(String text) {
        if (text == null) {
            return 0;
        }
        return (int)
                withoutMarkup(text).codePoints().filter(AnswerText::visible).count();
    }

    private static String withoutMarkup(String text) {
        return text.indexOf('<') < 0 ? text : MARKUP.matcher(text).replaceAll("");
    }

    public static boolean qualifies(String text, int minVisible) {
        if (text == null) {
            return minVisible <= 0;
        }
        text = withoutMarkup(text);
        // Stops at the minimum: a long answer needs no full count.
        int visible = 0;
        for (int i = 0; i < text.length() && visible < minVisible; ) {
            int cp = text.codePointAt(i);
            if (visible(cp)) {
                visible++;
            }
            i += Character.charCount(cp);
        }
        return visible >= minVisible;
    }

    private static boolean visible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.NON_SPACING_MARK
                && type != Character.ENCLOSING_MARK
                && !BLANK_FILLERS.contains(cp);
    }
}
