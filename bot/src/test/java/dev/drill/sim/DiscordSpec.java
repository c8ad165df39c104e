package dev.drill.sim;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Discord's OpenAPI contract: finds the operation of a request and checks its JSON body against it. */
final class DiscordSpec {

    private static final String RESOURCE = "/discord-api-spec/openapi.json";
    private static final String SPEC_IRI = "https://discord.local/openapi.json";
    private static final Pattern NUMERIC = Pattern.compile("-?\\d{1,18}");
    private static volatile DiscordSpec shared;

    private final List<Operation> operations;
    private final SchemaRegistry registry;
    private final Map<Operation, Schema> schemas = new ConcurrentHashMap<>();

    /** One REST operation of the spec; {@code template} is the spec's path, e.g. /channels/{channel_id}. */
    record Operation(
            String method,
            String template,
            String operationId,
            boolean jsonBody,
            boolean multipart,
            Pattern pattern,
            int literals) {

        private static Operation of(String method, String template, JsonNode op) {
            boolean json = op.path("requestBody").path("content").has("application/json");
            boolean multipart = op.path("requestBody").path("content").has("multipart/form-data");
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : template.substring(1).split("/")) {
                boolean parameter = segment.startsWith("{");
                regex.append('/').append(parameter ? "[^/]+" : Pattern.quote(segment));
                literals += parameter ? 0 : 1;
            }
            return new Operation(
                    method,
                    template,
                    op.path("operationId").asString(""),
                    json,
                    multipart,
                    Pattern.compile(regex.toString()),
                    literals);
        }
    }

    private DiscordSpec(String text) {
        JsonNode spec = Json.parse(text);
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (op.getValue().has("operationId")) {
                    found.add(Operation.of(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
        // A literal segment beats a parameter: /messages/pins must not be taken for /messages/{message_id}.
        found.sort(Comparator.comparingInt(Operation::literals).reversed());
        this.operations = List.copyOf(found);
        // Draft 2020-12, plus Discord's own annotation x-discord-union (it marks an anyOf that is really a oneOf).
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new NonValidationKeyword("x-discord-union"))
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemas(Map.of(SPEC_IRI, text)));
    }

    /** The spec, read once per JVM: the file is large and every simulator uses the same one. */
    static DiscordSpec load() {
        DiscordSpec spec = shared;
        if (spec == null) {
            synchronized (DiscordSpec.class) {
                if (shared == null) {
                    shared = new DiscordSpec(read());
                }
                spec = shared;
            }
        }
        return spec;
    }

    /** The vendored copy in test resources (see discord-api-spec/README.md there for its version). */
    private static String read() {
        try (InputStream in = DiscordSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Discord's openapi.json is not on the test classpath at " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation a request goes to; {@code path} is relative to /api/v10 and starts with a slash. */
    Optional<Operation> find(String method, String path) {
        return operations.stream()
                .filter(op ->
                        op.method().equals(method) && op.pattern().matcher(path).matches())
                .findFirst();
    }

    /**
     * Validates a JSON body and returns what is wrong, empty when it is valid. Numeric strings that the
     * spec wants as integers are coerced in the body first (see {@link #coerceNumericStrings}).
     */
    List<String> validate(Operation operation, JsonNode body) {
        Schema schema = schemas.computeIfAbsent(operation, this::schemaOf);
        List<Error> errors = schema.validate(body);
        if (!errors.isEmpty() && coerceNumericStrings(body, errors)) {
            errors = schema.validate(body);
        }
        return errors.stream().map(Error::toString).distinct().toList();
    }

    private Schema schemaOf(Operation operation) {
        String pointer = "/paths/" + escape(operation.template()) + "/"
                + operation.method().toLowerCase() + "/requestBody/content/application~1json/schema";
        return registry.getSchema(SchemaLocation.of(SPEC_IRI + "#" + pointer));
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    /**
     * The one place where the simulator is lenient, as Discord is: a string of digits where the schema
     * wants an integer is taken as that integer. JDA 6.5.0 sends command {@code contexts} as ["0","1"].
     * Returns whether anything was coerced.
     */
    static boolean coerceNumericStrings(JsonNode body, List<Error> errors) {
        boolean changed = false;
        for (Error error : errors) {
            JsonNode instance = error.getInstanceNode();
            // And the other way for one field: JDA 6.5.0 names a new upload in "attachments" by its files[n]
            // index as a number ({"id":0}); the spec types attachment ids as snowflake strings, and Discord
            // takes the number (every JDA bot that sends a file relies on it).
            if ("type".equals(error.getKeyword())
                    && instance != null
                    && instance.isIntegralNumber()
                    && ATTACHMENT_ID
                            .matcher(error.getInstanceLocation().toString())
                            .matches()) {
                changed |= replaceText(body, error.getInstanceLocation(), instance.asString());
                continue;
            }
            if ("type".equals(error.getKeyword())
                    && instance != null
                    && instance.isString()
                    && NUMERIC.matcher(instance.stringValue()).matches()
                    && wantsInteger(error.getSchemaNode())) {
                changed |= replace(body, error.getInstanceLocation(), Long.parseLong(instance.stringValue()));
            }
        }
        return changed;
    }

    private static final Pattern ATTACHMENT_ID = Pattern.compile(".*attachments/\\d+/id");

    private static boolean replaceText(JsonNode root, NodePath location, String value) {
        int depth = location.getNameCount();
        JsonNode parent = root;
        for (int i = 0; i < depth - 1; i++) {
            parent = step(parent, location.getElement(i));
        }
        if (depth > 0 && parent instanceof ObjectNode object && location.getElement(depth - 1) instanceof String name) {
            object.put(name, value);
            return true;
        }
        return false;
    }

    private static boolean wantsInteger(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("integer".equals(t.asString(""))) {
                    return true;
                }
            }
            return false;
        }
        return "integer".equals(type.asString(""));
    }

    private static boolean replace(JsonNode root, NodePath location, long value) {
        int depth = location.getNameCount();
        if (depth == 0) {
            return false;
        }
        JsonNode parent = root;
        for (int i = 0; i < depth - 1; i++) {
            parent = step(parent, location.getElement(i));
        }
        Object last = location.getElement(depth - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.put(name, value);
            return true;
        }
        if (parent instanceof ArrayNode array && last instanceof Integer index) {
            array.set(index, Json.MAPPER.getNodeFactory().numberNode(value));
            return true;
        }
        return false;
    }

    private static JsonNode step(JsonNode node, Object element) {
        return element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
    }
}
