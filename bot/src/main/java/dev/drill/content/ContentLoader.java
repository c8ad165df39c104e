package dev.drill.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads question packs ({@code <pack>/pack.yaml} and {@code <pack>/<level>/*.yaml}) and refuses any file
 * that is broken, with one message naming the file, the field and the line.
 */
public final class ContentLoader {

    static final int MAX_PROMPT = 1000;
    static final int MAX_MODEL_ANSWER = 3500;
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final String PACK_FILE = "pack.yaml";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A content file: its name as shown in errors, and its text. */
    public record Source(String name, String text) {}

    record PackFile(String id, String name, String description, List<String> levels, List<String> topics) {}

    record KeyPointFile(String text, List<String> signals) {}

    record MisconceptionFile(String claim, String correction, Integer contradicts, List<String> signals) {}

    record QuestionFile(
            String id,
            String level,
            Integer number,
            List<String> topics,
            String prompt,
            List<String> related,
            List<KeyPointFile> keyPoints,
            String modelAnswer,
            List<String> followUps,
            List<MisconceptionFile> misconceptions) {}

    /** Loads the packs under a folder, or the packs bundled on the classpath when the folder does not exist. */
    public QuestionBank load(Path root) {
        if (Files.isDirectory(root)) {
            return load(readFolder(root));
        }
        return load(readClasspath());
    }

    public QuestionBank load(List<Source> sources) {
        Map<String, List<Source>> byPack = new TreeMap<>();
        for (Source source : sources) {
            byPack.computeIfAbsent(packFolder(source), k -> new ArrayList<>()).add(source);
        }
        if (byPack.isEmpty()) {
            throw new ContentException("content", null, 0, "holds no question pack (expected <pack>/pack.yaml)");
        }
        List<Pack> packs = new ArrayList<>();
        Map<String, Question> questions = new LinkedHashMap<>();
        for (Map.Entry<String, List<Source>> entry : byPack.entrySet()) {
            List<Source> packSources = entry.getValue();
            Source packSource = packSources.stream()
                    .filter(ContentLoader::isPackFile)
                    .findFirst()
                    .orElseThrow(() -> new ContentException(entry.getKey() + "/" + PACK_FILE, null, 0, "is missing"));
            Pack pack = readPack(packSource);
            packs.add(pack);
            for (Source source : packSources) {
                if (source != packSource) {
                    Question question = readQuestion(source, pack, 0);
                    Question twin = questions.putIfAbsent(question.id(), question);
                    if (twin != null) {
                        throw fieldError(source, "id", "duplicates the id '" + question.id() + "' of " + twin.source());
                    }
                }
            }
        }
        Map<String, Source> sourceOf = new HashMap<>();
        sources.forEach(s -> sourceOf.put(s.name(), s));
        for (Question question : questions.values()) {
            for (String related : question.related()) {
                if (!questions.containsKey(related) || related.equals(question.id())) {
                    throw fieldError(
                            sourceOf.get(question.source()),
                            "related",
                            "names '" + related + "', which is not another question's id");
                }
            }
        }
        return new QuestionBank(packs, List.copyOf(questions.values()));
    }

    private Pack readPack(Source source) {
        PackFile file = parse(source, PackFile.class);
        requireText(source, "id", file.id());
        requireText(source, "name", file.name());
        if (file.levels() == null || file.levels().isEmpty()) {
            throw fieldError(source, "levels", "must list at least one level");
        }
        List<Level> levels = new ArrayList<>();
        for (String level : file.levels()) {
            levels.add(Level.parse(level)
                    .orElseThrow(() -> fieldError(
                            source,
                            "levels",
                            "has unknown level '" + level + "' (fresher, intermediate, experienced)")));
        }
        if (file.topics() == null || file.topics().isEmpty()) {
            throw fieldError(source, "topics", "must list the pack's topic vocabulary");
        }
        for (String topic : file.topics()) {
            if (topic == null || !topic.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw fieldError(source, "topics", "has '" + topic + "'; topics are lowercase-with-dashes");
            }
        }
        return new Pack(
                file.id(), file.name(), file.description() == null ? "" : file.description(), levels, file.topics());
    }

    /**
     * One question file checked against its pack. {@code defaultNumber} is used when the file gives none (a
     * guild's own questions need no number); 0 makes the number required, as in the bank. A pack without a topic
     * vocabulary (the guild's own) takes any lowercase-with-dashes topic.
     */
    private Question readQuestion(Source source, Pack pack, int defaultNumber) {
        QuestionFile file = parse(source, QuestionFile.class);
        return readQuestion(source, pack, file, defaultNumber);
    }

    private Question readQuestion(Source source, Pack pack, QuestionFile given, int defaultNumber) {
        QuestionFile file = given.number() == null && defaultNumber > 0
                ? new QuestionFile(
                        given.id(),
                        given.level(),
                        defaultNumber,
                        given.topics(),
                        given.prompt(),
                        given.related(),
                        given.keyPoints(),
                        given.modelAnswer(),
                        given.followUps(),
                        given.misconceptions())
                : given;
        requireText(source, "id", file.id());
        if (!file.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw fieldError(source, "id", "'" + file.id() + "' must be a lowercase slug (letters, digits, dashes)");
        }
        requireText(source, "level", file.level());
        Level level = Level.parse(file.level())
                .filter(pack.levels()::contains)
                .orElseThrow(() -> fieldError(
                        source, "level", "is '" + file.level() + "', not one of the pack's levels " + ids(pack)));
        if (file.number() == null || file.number() < 1) {
            throw fieldError(source, "number", "must be the question's number in its list (1 or more)");
        }
        List<String> topics = orEmpty(file.topics());
        if (topics.isEmpty() || topics.size() > 3) {
            throw fieldError(source, "topics", "must have 1 to 3 topics");
        }
        for (String topic : topics) {
            if (pack.topics().isEmpty() && (topic == null || !topic.matches(SLUG))) {
                throw fieldError(source, "topics", "has '" + topic + "'; topics are lowercase-with-dashes");
            }
            if (!pack.topics().isEmpty() && !pack.topics().contains(topic)) {
                throw fieldError(source, "topics", "has unknown topic '" + topic + "' (not in pack.yaml's topics)");
            }
        }
        requireText(source, "prompt", file.prompt());
        if (file.prompt().strip().length() > MAX_PROMPT) {
            throw fieldError(source, "prompt", "is over " + MAX_PROMPT + " characters");
        }
        String modelAnswer = file.modelAnswer() == null ? "" : file.modelAnswer();
        if (modelAnswer.strip().length() > MAX_MODEL_ANSWER) {
            throw fieldError(
                    source,
                    "modelAnswer",
                    "is " + modelAnswer.strip().length() + " characters, over the " + MAX_MODEL_ANSWER
                            + " that fit an embed");
        }
        List<KeyPoint> keyPoints = new ArrayList<>();
        for (KeyPointFile point : orEmpty(file.keyPoints())) {
            if (point == null || point.text() == null || point.text().isBlank()) {
                throw fieldError(source, "keyPoints", "has a key point without text");
            }
            List<String> signals = orEmpty(point.signals());
            if (signals.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw fieldError(source, "keyPoints", "has a blank signal in '" + point.text() + "'");
            }
            keyPoints.add(new KeyPoint(
                    point.text().strip(), signals.stream().map(String::strip).toList()));
        }
        List<String> followUps = orEmpty(file.followUps());
        if (followUps.stream().anyMatch(f -> f == null || f.isBlank())) {
            throw fieldError(source, "followUps", "has a blank follow-up");
        }
        List<Misconception> misconceptions = new ArrayList<>();
        for (MisconceptionFile wrong : orEmpty(file.misconceptions())) {
            if (wrong == null || wrong.claim() == null || wrong.claim().isBlank()) {
                throw fieldError(source, "misconceptions", "has a misconception without a claim");
            }
            String claim = wrong.claim().strip();
            if (wrong.correction() == null || wrong.correction().isBlank()) {
                throw fieldError(source, "misconceptions", "has no correction for '" + claim + "'");
            }
            if (wrong.contradicts() != null && (wrong.contradicts() < 0 || wrong.contradicts() >= keyPoints.size())) {
                throw fieldError(
                        source,
                        "misconceptions",
                        "has '" + claim + "' contradict key point " + wrong.contradicts() + ", but the key points are "
                                + (keyPoints.isEmpty() ? "none" : "0 to " + (keyPoints.size() - 1)));
            }
            List<String> signals = orEmpty(wrong.signals());
            if (signals.isEmpty()) {
                throw fieldError(source, "misconceptions", "has no signals for '" + claim + "'");
            }
            if (signals.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw fieldError(source, "misconceptions", "has a blank signal in '" + claim + "'");
            }
            misconceptions.add(new Misconception(
                    claim,
                    wrong.correction().strip(),
                    wrong.contradicts() == null ? Misconception.NONE : wrong.contradicts(),
                    signals.stream().map(String::strip).toList()));
        }
        return new Question(
                file.id(),
                level,
                file.number(),
                topics,
                file.prompt().strip(),
                orEmpty(file.related()),
                keyPoints,
                modelAnswer,
                followUps.stream().map(String::strip).toList(),
                source.name(),
                misconceptions);
    }

    /** The pack a guild's own questions belong to: every level, any lowercase-with-dashes topic. */
    static final Pack OWN = new Pack("own", "The guild's own questions", "", List.of(Level.values()), List.of());

    /** The most questions one uploaded file may hold. */
    public static final int MAX_IMPORT = 50;

    /**
     * An uploaded file of a guild's own questions refused as a whole: one line per invalid question, each naming
     * the file, the line, the question and the field.
     */
    public static final class ImportRefused extends RuntimeException {
        private final List<String> errors;

        ImportRefused(List<String> errors) {
            super(String.join("\n", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /**
     * Reads a guild's own questions from an uploaded file in the bank's question format: a YAML list of questions,
     * or question documents separated by {@code ---}. Each question gets the bank's checks (number optional: its
     * place in the file), its id must not be a bank question's ({@code bankIds}) nor repeat in the file, and its
     * {@code related} ids must name a bank question, one of {@code knownIds} (the guild's) or one in the file.
     * Any error refuses the whole file, naming every invalid question.
     */
    public List<Question> importQuestions(Source source, Set<String> bankIds, Set<String> knownIds) {
        List<Chunk> chunks = chunks(source.text());
        if (chunks.isEmpty()) {
            throw new ImportRefused(List.of(source.name() + ": holds no question"));
        }
        if (chunks.size() > MAX_IMPORT) {
            throw new ImportRefused(List.of(source.name() + ": holds " + chunks.size() + " questions; at most "
                    + MAX_IMPORT + " fit one file"));
        }
        List<String> errors = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            Source part = new Source(source.name(), chunk.text());
            String label = "question " + (i + 1);
            try {
                QuestionFile file = parse(part, QuestionFile.class);
                if (file.id() != null && !file.id().isBlank()) {
                    label += " (" + file.id().strip() + ")";
                }
                Question question = readQuestion(part, OWN, file, i + 1);
                if (bankIds.contains(question.id())) {
                    throw fieldError(part, "id", "'" + question.id() + "' is a bank question's id; choose another");
                }
                Integer twin = ids.putIfAbsent(question.id(), i + 1);
                if (twin != null) {
                    throw fieldError(part, "id", "'" + question.id() + "' is also the id of question " + twin);
                }
                questions.add(question);
            } catch (ContentException e) {
                errors.add(describe(source.name(), chunk, label, e));
            }
        }
        Set<String> known = new HashSet<>(bankIds);
        known.addAll(knownIds);
        known.addAll(ids.keySet());
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            for (String related : question.related()) {
                if (!known.contains(related) || related.equals(question.id())) {
                    Chunk chunk = chunks.get(ids.get(question.id()) - 1);
                    errors.add(describe(
                            source.name(),
                            chunk,
                            "question " + ids.get(question.id()) + " (" + question.id() + ")",
                            fieldError(
                                    new Source(source.name(), chunk.text()),
                                    "related",
                                    "names '" + related + "', which is not another question's id")));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        return List.copyOf(questions);
    }

    /**
     * A guild's own question typed into a form, with the same checks as a file's (the key points one per line,
     * each its own signal; topics and follow-ups separated by commas and new lines). Errors name "your question"
     * and the field.
     */
    public Question formQuestion(
            String id,
            String prompt,
            String level,
            String topics,
            String modelAnswer,
            String keyPoints,
            String followUps) {
        Source form = new Source("your question", "");
        QuestionFile file = new QuestionFile(
                id,
                level == null ? null : level.strip().toLowerCase(java.util.Locale.ROOT),
                1,
                split(topics, "[,\\s]+").stream()
                        .map(t -> t.toLowerCase(java.util.Locale.ROOT))
                        .toList(),
                prompt,
                List.of(),
                split(keyPoints, "\\R").stream()
                        .map(p -> new KeyPointFile(p, List.of(p)))
                        .toList(),
                modelAnswer,
                split(followUps, "\\R"),
                List.of());
        return readQuestion(form, OWN, file, 1);
    }

    private static List<String> split(String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(separator))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** One question of an uploaded file: its text (dedented, for a list item) and the line it starts after. */
    record Chunk(int offset, String text) {}

    private static String describe(String file, Chunk chunk, String label, ContentException e) {
        int line = e.line() > 0 ? e.line() + chunk.offset() : 0;
        return file + (line > 0 ? ":" + line : "") + ": " + label + ": "
                + (e.field() == null ? "" : "field '" + e.field() + "' ") + e.problem();
    }

    /**
     * Splits an uploaded file into its questions: the items of a top-level YAML list ({@code - id: …}), or the
     * documents between {@code ---} lines. A list item is dedented so each question reads as a bank file, and
     * errors keep the file's own line numbers.
     */
    static List<Chunk> chunks(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        boolean list = false;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.equals("---")) {
                continue;
            }
            list = line.startsWith("- ") || line.equals("-");
            break;
        }
        List<Chunk> chunks = new ArrayList<>();
        if (list) {
            int start = -1;
            for (int i = 0; i <= lines.length; i++) {
                boolean item = i < lines.length && (lines[i].startsWith("- ") || lines[i].equals("-"));
                if (item || i == lines.length) {
                    if (start >= 0) {
                        chunks.add(new Chunk(start, dedent(lines, start, i)));
                    }
                    start = i;
                }
            }
            return chunks;
        }
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i].strip().equals("---")) {
                String doc = String.join("\n", java.util.Arrays.asList(lines).subList(start, i));
                if (doc.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("#"))) {
                    chunks.add(new Chunk(start, doc));
                }
                start = i + 1;
            }
        }
        return chunks;
    }

    /** A list item's lines as a document of its own: the dash becomes a space, then the item's indent goes. */
    private static String dedent(String[] lines, int from, int to) {
        List<String> item = new ArrayList<>(java.util.Arrays.asList(lines).subList(from, to));
        item.set(0, " " + item.get(0).substring(1));
        int indent = Integer.MAX_VALUE;
        for (String line : item) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        int cut = indent == Integer.MAX_VALUE ? 0 : indent;
        return item.stream()
                .map(l -> l.length() - l.stripLeading().length() >= cut ? l.substring(cut) : l.stripLeading())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private <T> T parse(Source source, Class<T> type) {
        T value;
        try {
            value = yaml.readValue(source.text(), type);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getPropertyName();
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (line <= 0 && field != null) {
                line = lineOf(source, field);
            }
            throw new ContentException(source.name(), field, line, describe(e));
        }
        if (value == null) {
            throw new ContentException(source.name(), null, 0, "is empty");
        }
        return value;
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Unrecognized property")) {
            return "is not a known field";
        }
        int cut = message.indexOf(" at [Source");
        return "is not valid YAML here: " + (cut > 0 ? message.substring(0, cut) : message).strip();
    }

    private static void requireText(Source source, String field, String value) {
        if (value == null || value.isBlank()) {
            throw fieldError(source, field, "is missing or blank");
        }
    }

    private static ContentException fieldError(Source source, String field, String problem) {
        return new ContentException(source.name(), field, lineOf(source, field), problem);
    }

    /** The line of a top-level field, found in the text because a bound tree no longer knows it. */
    static int lineOf(Source source, String field) {
        Matcher matcher =
                Pattern.compile("(?m)^" + Pattern.quote(field) + "\\s*:").matcher(source.text());
        if (!matcher.find()) {
            return 0;
        }
        return (int) source.text()
                        .substring(0, matcher.start())
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
    }

    private static boolean isPackFile(Source source) {
        return source.name().endsWith("/" + PACK_FILE);
    }

    /** {@code content/<pack>} for both {@code content/<pack>/pack.yaml} and {@code content/<pack>/<level>/x.yaml}. */
    private static String packFolder(Source source) {
        String folder = parent(source.name());
        if (folder.isEmpty()) {
            throw new ContentException(source.name(), null, 0, "is not inside a pack folder");
        }
        return isPackFile(source) ? folder : parent(folder);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String ids(Pack pack) {
        return pack.levels().stream().map(Level::id).toList().toString();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<Source> readFolder(Path root) {
        Path base = root.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted()
                    .map(p -> new Source(
                            (root.getFileName() == null
                                            ? "content"
                                            : root.getFileName().toString()) + "/"
                                    + base.relativize(p).toString().replace('\\', '/'),
                            read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the content folder " + base, e);
        }
    }

    private static List<Source> readClasspath() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:content/**/*.yaml");
            List<Source> sources = new ArrayList<>();
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf("content/"));
                sources.add(new Source(name, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            sources.sort((a, b) -> a.name().compareTo(b.name()));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled content", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
