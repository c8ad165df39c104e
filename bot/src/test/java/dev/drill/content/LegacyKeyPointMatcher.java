package dev.drill.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The judge Drill shipped before the Lucene one, kept here only as a baseline for {@link JudgeAgreementTests}: case
 * and accent folding, punctuation removal, a crude suffix stemmer and exact whole-word phrases; no misconceptions.
 */
final class LegacyKeyPointMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    /** Longest first, so "caching" loses "ing" rather than only "g". */
    private static final List<String> SUFFIXES =
            List.of("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s", "ly");

    /** How a text covers a question's key points. */
    record Coverage(List<KeyPoint> covered, List<KeyPoint> missed, boolean looksStuffed) {
        public int total() {
            return covered.size() + missed.size();
        }
    }

    private LegacyKeyPointMatcher() {}

    static Coverage match(String text, List<KeyPoint> keyPoints) {
        List<String> words = stems(text);
        List<KeyPoint> covered = new ArrayList<>();
        List<KeyPoint> missed = new ArrayList<>();
        Set<Integer> signalWords = new HashSet<>();
        for (KeyPoint point : keyPoints) {
            boolean hit = false;
            for (String signal : point.signals()) {
                List<String> phrase = stems(signal);
                int at = indexOf(words, phrase);
                if (at >= 0) {
                    hit = true;
                    for (int i = 0; i < phrase.size(); i++) {
                        signalWords.add(at + i);
                    }
                }
            }
            (hit ? covered : missed).add(point);
        }
        // A list of keywords with little around them: most words are signals, and there are few words per point.
        boolean stuffed =
                !covered.isEmpty() && (signalWords.size() * 2 >= words.size() || words.size() < covered.size() * 6);
        return new Coverage(List.copyOf(covered), List.copyOf(missed), stuffed);
    }

    /** Folds and stems a text into its words. */
    static List<String> stems(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : NON_WORD.split(folded)) {
            if (!word.isEmpty()) {
                words.add(stem(word));
            }
        }
        return words;
    }

    static String stem(String word) {
        for (String suffix : SUFFIXES) {
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static int indexOf(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return -1;
        }
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!words.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
