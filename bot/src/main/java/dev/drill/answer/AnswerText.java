package dev.drill.answer;

/**
 * Decides whether a thread message is long enough to be an answer. Only what a reader can see counts, so
 * padding a one-liner with zero-width spaces or blank lines does not make it an answer.
 */
public final class AnswerText {

    private AnswerText() {}

    /**
     * Code points that are not whitespace (including no-break and other Unicode spaces), not control
     * characters (Cc) and not format characters (Cf: U+200B, U+200D, U+2060, U+FEFF, bidi marks…).
     */
    public static int visibleLength(String text) {
        if (text == null) {
            return 0;
        }
        return (int) text.codePoints().filter(AnswerText::visible).count();
    }

    public static boolean qualifies(String text, int minVisible) {
        if (text == null) {
            return minVisible <= 0;
        }
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
        return type != Character.CONTROL && type != Character.FORMAT;
    }
}
