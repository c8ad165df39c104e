package dev.drill.content;

import dev.drill.content.Terms.Stemming;
import dev.drill.content.Terms.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The judge of "How did I do?": which key points an answer mentions and which misconceptions it states, by their
 * signals. Words are compared after Lucene's English analysis (see {@link Terms}): a signal matches when its content
 * words appear in order, close together (function words skipped, one extra word allowed in a phrase), and no negation
 * stands just before or inside it ("retrying is <b>not</b> always safe" states nothing). A misconception an answer
 * states takes the credit of the key point it contradicts. A keyword list with almost no function words gets no
 * credit: it names points without explaining any. Deterministic, and feedback only: it never changes points.
 */
public final class KeyPointMatcher {

    /** How a judge reads text; {@link #DEFAULT} is what Drill ships, the others are measured against it. */
    public record Options(Stemming stemming, int slop, boolean negation, double listRatio, boolean framing) {
        public static final Options DEFAULT = new Options(Stemming.PORTER, 1, true, 0.15, false);

        /** Claims are also cancelled when their sentence frames them as a mistake. */
        Options forClaims() {
            return new Options(stemming, slop, negation, listRatio, true);
        }
    }

    /**
     * How a text fares against a question: the key points it mentions (with the words of the text that matched), those
     * it misses, the misconceptions it states, and whether it reads like a keyword list, in which case no point counts
     * as covered and {@link #named()} lists the points it only named.
     */
    public record Coverage(
            List<KeyPoint> covered,
            List<KeyPoint> missed,
            boolean looksStuffed,
            List<Misconception> stated,
            Map<KeyPoint, String> evidence,
            List<KeyPoint> named) {

        public Coverage {
            covered = List.copyOf(covered);
            missed = List.copyOf(missed);
            stated = List.copyOf(stated);
            evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
            named = List.copyOf(named);
        }

        public int total() {
            return covered.size() + missed.size();
        }

        /** The words of the text that show it mentions {@code point}, if it does. */
        public Optional<String> evidenceOf(KeyPoint point) {
            return Optional.ofNullable(evidence.get(point));
        }
    }

    /** A phrase never spans two sentences. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?;]\\s");

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.!?;:,\\n]");
    /** How many words before a match a negation still applies. */
    private static final int NEGATION_REACH = 3;

    /**
     * Stems of words that frame their sentence as a mistake ("a common mistake is ...", "avoid ...", "instead of
     * ..."), so a misconception signal after or around them reports the mistake rather than states it.
     */
    private static final Set<String> MISTAKE_FRAMES = Set.of(
            "mistak",
            "myth",
            "misconcept",
            "pitfal",
            "anti",
            "avoid",
            "instead",
            "rather",
            "wrong",
            "trap",
            "naiv",
            "fallaci",
            "bad");

    private static final Map<String, Terms.Signal> SIGNALS = new ConcurrentHashMap<>();

    private KeyPointMatcher() {}

    /** Judges an answer to {@code question}: key points and misconceptions. */
    public static Coverage judge(String text, Question question) {
        return judge(text, question.keyPoints(), question.misconceptions(), Options.DEFAULT);
    }

    /** Judges a text against key points only. */
    public static Coverage match(String text, List<KeyPoint> keyPoints) {
        return judge(text, keyPoints, List.of(), Options.DEFAULT);
    }

    static Coverage judge(String text, List<KeyPoint> keyPoints, List<Misconception> misconceptions, Options options) {
        Analysed answer = new Analysed(text, Terms.tokens(text, options.stemming()));
        List<Misconception> stated = new ArrayList<>();
        List<Integer> contradicted = new ArrayList<>();
        for (Misconception wrong : misconceptions) {
            if (firstMatch(answer, wrong.signals(), options.forClaims()).isPresent()) {
                stated.add(wrong);
                contradicted.add(wrong.contradicts());
            }
        }
        List<KeyPoint> mentioned = new ArrayList<>();
        List<KeyPoint> missed = new ArrayList<>();
        Map<KeyPoint, String> evidence = new LinkedHashMap<>();
        for (int i = 0; i < keyPoints.size(); i++) {
            KeyPoint point = keyPoints.get(i);
            Optional<String> words = firstMatch(answer, point.signals(), options);
            if (words.isPresent() && !contradicted.contains(i)) {
                mentioned.add(point);
                evidence.put(point, words.get());
            } else {
                missed.add(point);
            }
        }
        boolean list = !mentioned.isEmpty() && looksLikeList(answer.tokens(), options.listRatio());
        if (list) {
            List<KeyPoint> none = new ArrayList<>(keyPoints);
            return new Coverage(List.of(), none, true, stated, Map.of(), mentioned);
        }
        return new Coverage(mentioned, missed, false, stated, evidence, List.of());
    }

    /** The key points whose signals a text mentions, list or not, as the judge reads it; for the content check. */
    static List<KeyPoint> mentioned(String text, List<KeyPoint> keyPoints) {
        Coverage coverage = match(text, keyPoints);
        return coverage.looksStuffed() ? coverage.named() : coverage.covered();
    }

    /** Whether one signal fires in a text, as the judge reads it; for the content check. */
    static boolean fires(String signal, String text) {
        return fires(signal, new Analysed(text, Terms.tokens(text, Options.DEFAULT.stemming())));
    }

    static boolean fires(String signal, Analysed text) {
        return firstMatch(text, List.of(signal), Options.DEFAULT).isPresent();
    }

    /** A text analysed once, to test many signals against it. */
    record Analysed(String text, List<Token> tokens) {
        static Analysed of(String text) {
            return new Analysed(text, Terms.tokens(text, Options.DEFAULT.stemming()));
        }
    }

    /** The content terms of a signal as the default judge matches them; empty when it has only function words. */
    static List<String> termsOf(String signal) {
        return signalTerms(signal, Options.DEFAULT.stemming()).terms();
    }

    /**
     * A keyword list: enough words, and almost none of them function words (prose runs at 30 to 50 per cent of
     * articles, pronouns, prepositions and auxiliaries).
     */
    static boolean looksLikeList(List<Token> tokens, double ratio) {
        if (tokens.size() < 6) {
            return false;
        }
        long function =
                tokens.stream().filter(t -> t.function() || t.negation()).count();
        return function < tokens.size() * ratio;
    }

    private static Optional<String> firstMatch(Analysed answer, List<String> signals, Options options) {
        for (String signal : signals) {
            Optional<String> words = find(answer, signalTerms(signal, options.stemming()), options);
            if (words.isPresent()) {
                return words;
            }
        }
        return Optional.empty();
    }

    private static Terms.Signal signalTerms(String signal, Stemming stemming) {
        return SIGNALS.computeIfAbsent(stemming.name() + '\u0000' + signal, k -> Terms.signal(signal, stemming));
    }

    /** The words of the answer where the terms appear in order within the phrase's length plus the slop. */
    private static Optional<String> find(Analysed answer, Terms.Signal signal, Options options) {
        List<String> terms = signal.terms();
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        List<Token> tokens = answer.tokens();
        int slop = terms.size() == 1 ? 0 : options.slop();
        for (int start = 0; start < tokens.size(); start++) {
            if (!tokens.get(start).term().equals(terms.get(0))
                    || (!signal.exact() && tokens.get(start).function())) {
                continue;
            }
            int end = signal.exact() ? matchExactly(tokens, start, terms) : matchFrom(answer, start, terms, slop);
            if (end < 0) {
                continue;
            }
            if (options.negation() && !signal.negated() && negated(answer, start, end)) {
                continue;
            }
            if (options.framing() && framedAsMistake(answer, start, end)) {
                continue;
            }
            return Optional.of(answer.text()
                    .substring(tokens.get(start).start(), tokens.get(end).end())
                    .strip());
        }
        return Optional.empty();
    }

    /** The index of the last token of a match starting at {@code start}, or -1. */
    private static int matchFrom(Analysed answer, int start, List<String> terms, int slop) {
        List<Token> tokens = answer.tokens();
        int at = start;
        int contentSeen = 1;
        int budget = terms.size() + slop;
        for (int next = 1; next < terms.size(); next++) {
            int found = -1;
            for (int i = at + 1; i < tokens.size() && contentSeen < budget; i++) {
                if (SENTENCE_BREAK
                        .matcher(answer.text()
                                .substring(
                                        tokens.get(i - 1).end(), tokens.get(i).start()))
                        .find()) {
                    return -1;
                }
                Token token = tokens.get(i);
                if (token.function()) {
                    continue;
                }
                contentSeen++;
                if (token.term().equals(terms.get(next))) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            at = found;
        }
        return at;
    }

    /** The index of the last token of an exact match of every word starting at {@code start}, or -1. */
    private static int matchExactly(List<Token> tokens, int start, List<String> terms) {
        if (start + terms.size() > tokens.size()) {
            return -1;
        }
        for (int i = 1; i < terms.size(); i++) {
            if (!tokens.get(start + i).term().equals(terms.get(i))) {
                return -1;
            }
        }
        return start + terms.size() - 1;
    }

    /** A word in the match or before it in the same sentence that frames it as a mistake. */
    private static boolean framedAsMistake(Analysed answer, int start, int end) {
        List<Token> tokens = answer.tokens();
        for (int i = start; i <= end; i++) {
            String term = tokens.get(i).term();
            if (MISTAKE_FRAMES.stream().anyMatch(term::startsWith)) {
                return true;
            }
        }
        for (int i = start - 1; i >= 0; i--) {
            if (SENTENCE_BREAK
                    .matcher(answer.text()
                            .substring(tokens.get(i).end(), tokens.get(i + 1).start()))
                    .find()) {
                return false;
            }
            String term = tokens.get(i).term();
            if (MISTAKE_FRAMES.stream().anyMatch(term::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** A negation inside the match, or shortly before it in the same clause. */
    private static boolean negated(Analysed answer, int start, int end) {
        List<Token> tokens = answer.tokens();
        for (int i = start; i <= end; i++) {
            if (tokens.get(i).negation()) {
                return true;
            }
        }
        for (int i = start - 1; i >= Math.max(0, start - NEGATION_REACH); i--) {
            String between = answer.text()
                    .substring(tokens.get(i).end(), tokens.get(i + 1).start());
            if (CLAUSE_BREAK.matcher(between).find()) {
                return false;
            }
            if (tokens.get(i).negation()) {
                return true;
            }
        }
        return false;
    }
}
