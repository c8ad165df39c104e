package dev.drill.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns English text into comparable terms with Lucene's analysis: Unicode word boundaries, case and accent folding,
 * possessives dropped, a stemmer so "retrying", "retries" and "retried" meet, and acronyms kept whole so "HTTPS" never
 * becomes "http". Function words are kept but marked, so phrases can skip them and list detection can count them;
 * negations become one term, {@code not}. Thread-safe.
 */
final class Terms {

    /** The stemmers a judge can use; {@link #PORTER} is the one Drill ships (see the README's figures). */
    enum Stemming {
        PORTER,
        KSTEM,
        MINIMAL
    }

    /** One word of a text: its term, where it is in the text, and whether it is a function word or a negation. */
    record Token(String term, int start, int end, boolean function, boolean negation) {}

    /** What negations turn into. */
    static final String NOT = "not";

    /**
     * Function words: articles, pronouns, auxiliaries, prepositions and fillers. They carry no topic, so a phrase may
     * skip them and a keyword list has almost none. Words that change a claim's meaning (all, every, only, always,
     * never, same, more) are not here.
     */
    static final Set<String> FUNCTION_WORDS = Set.of(
            "a",
            "an",
            "the",
            "and",
            "or",
            "but",
            "if",
            "then",
            "so",
            "as",
            "at",
            "by",
            "for",
            "from",
            "in",
            "into",
            "of",
            "on",
            "onto",
            "to",
            "with",
            "about",
            "over",
            "via",
            "per",
            "up",
            "out",
            "off",
            "than",
            "that",
            "this",
            "these",
            "those",
            "there",
            "here",
            "it",
            "its",
            "it's",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "am",
            "do",
            "does",
            "did",
            "doing",
            "done",
            "have",
            "has",
            "had",
            "having",
            "will",
            "would",
            "can",
            "could",
            "should",
            "shall",
            "may",
            "might",
            "must",
            "i",
            "i'd",
            "i'm",
            "i've",
            "i'll",
            "me",
            "my",
            "we",
            "we'd",
            "we're",
            "us",
            "our",
            "you",
            "you're",
            "you'd",
            "your",
            "he",
            "she",
            "him",
            "her",
            "his",
            "they",
            "they're",
            "them",
            "their",
            "one's",
            "which",
            "who",
            "whom",
            "whose",
            "what",
            "when",
            "where",
            "while",
            "how",
            "why",
            "really",
            "basically",
            "actually",
            "also",
            "too",
            "very",
            "quite",
            "like",
            "some",
            "any",
            "such",
            "each",
            "other",
            "another",
            "both",
            "either",
            "let",
            "lets",
            "let's",
            "say",
            "e.g",
            "i.e",
            "etc",
            "thing",
            "things",
            "stuff",
            "way",
            "ways",
            "something",
            "someone",
            "that's",
            "there's",
            "what's",
            "here's",
            "honestly",
            "usually",
            "often",
            "well",
            "still",
            "even",
            "yet",
            "already");

    /** Words that negate what follows; contractions ending in n't are negations too. */
    private static final Set<String> NEGATIONS = Set.of(
            "not",
            "no",
            "never",
            "cannot",
            "nor",
            "without",
            "dont",
            "doesnt",
            "didnt",
            "isnt",
            "arent",
            "wasnt",
            "cant",
            "wont",
            "shouldnt",
            "wouldnt",
            "couldnt",
            "havent",
            "hasnt");

    /** What is left of a contraction typed without its apostrophe ("don t", "it s"), after the word before it. */
    private static final Set<String> CONTRACTION_TAILS = Set.of("t", "s", "re", "ll", "ve", "d", "m");

    /**
     * Acronyms and names the stemmers would change into another word ("https" into "http", "news" into "new") or
     * that must stay whole; words without a vowel (dns, cqrs, xss, tls) are kept whole anyway.
     */
    private static final Set<String> PROTECTED = Set.of(
            "stateful",
            "stateless",
            "https",
            "http",
            "aws",
            "cors",
            "ddos",
            "ecs",
            "eks",
            "aks",
            "iops",
            "acid",
            "base",
            "saas",
            "paas",
            "iaas",
            "faas",
            "sas",
            "news",
            "nosql",
            "mysql",
            "postgres",
            "kubernetes",
            "jenkins",
            "redis",
            "mongodb",
            "oauth",
            "grpc",
            "graphql",
            "ci",
            "cd",
            "os",
            "ios",
            "its",
            "as",
            "was",
            "has",
            "is",
            "this",
            "us");

    private static final Analyzer PORTER = analyzer(Stemming.PORTER);
    private static final Analyzer KSTEM = analyzer(Stemming.KSTEM);
    private static final Analyzer MINIMAL = analyzer(Stemming.MINIMAL);

    private Terms() {}

    static List<Token> tokens(String text, Stemming stemming) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzerFor(stemming).tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                String raw = text.substring(start, end);
                String lower = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
                boolean negation = NEGATIONS.contains(lower) || lower.endsWith("n't");
                boolean function = !negation && FUNCTION_WORDS.contains(lower);
                String stemmed = term.toString();
                if (negation && !lower.equals("never") && !lower.equals("without")) {
                    stemmed = NOT;
                } else if (raw.length() > 2
                        && raw.endsWith("s")
                        && raw.substring(0, raw.length() - 1)
                                .chars()
                                .allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
                    // A plural acronym: APIs, URLs, DLQs.
                    stemmed = lower.substring(0, lower.length() - 1);
                }
                if (CONTRACTION_TAILS.contains(lower)
                        && !tokens.isEmpty()
                        && start > 0
                        && Character.isWhitespace(text.charAt(start - 1))) {
                    Token before = tokens.get(tokens.size() - 1);
                    if (lower.equals("t") && before.term().endsWith("n")) {
                        // "don t", "isn t", "can t": the word before is a negation.
                        tokens.set(tokens.size() - 1, new Token(NOT, before.start(), before.end(), false, true));
                    }
                    tokens.add(new Token(stemmed, start, end, true, false));
                    continue;
                }
                tokens.add(new Token(stemmed, start, end, function, negation));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /**
     * The terms a signal is matched by: its content words, function words dropped. A signal of one content word with
     * function words around it ("log in", "on call", "per second") is a fixed phrase and keeps all its words, since
     * the bare word would mean something else.
     */
    static Signal signal(String phrase, Stemming stemming) {
        List<Token> tokens = tokens(phrase, stemming);
        List<String> content =
                tokens.stream().filter(t -> !t.function()).map(Token::term).toList();
        boolean negated = tokens.stream().anyMatch(Token::negation);
        if (content.size() == 1 && tokens.size() > 1) {
            return new Signal(tokens.stream().map(Token::term).toList(), true, negated);
        }
        return new Signal(content, false, negated);
    }

    /**
     * The terms of a signal, whether they must appear exactly as written (function words included), and whether the
     * signal itself says "not" or "never" (then a negation in the text is part of the match, not against it).
     */
    record Signal(List<String> terms, boolean exact, boolean negated) {}

    private static Analyzer analyzerFor(Stemming stemming) {
        return switch (stemming) {
            case PORTER -> PORTER;
            case KSTEM -> KSTEM;
            case MINIMAL -> MINIMAL;
        };
    }

    private static Analyzer analyzer(Stemming stemming) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new Protect(stream);
                stream = switch (stemming) {
                    case PORTER -> new PorterStemFilter(stream);
                    case KSTEM -> new KStemFilter(stream);
                    case MINIMAL -> new EnglishMinimalStemFilter(stream);
                };
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Marks acronyms and protected names as keywords, so the stemmer leaves them alone. */
    private static final class Protect extends KeywordMarkerFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Protect(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean isKeyword() {
            String word = term.toString();
            return PROTECTED.contains(word) || word.chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0);
        }
    }
}
