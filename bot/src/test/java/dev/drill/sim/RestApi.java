package dev.drill.sim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated REST API under /api/v10: checks auth, answers queued faults, finds the operation in
 * Discord's spec, validates the body against it, then routes by the spec's operationId to the world's
 * BotRest or InteractionRest. Anything unknown or invalid is answered as Discord would and recorded as a problem.
 */
final class RestApi {

    private static final String PREFIX = "/api/v10/";
    /** Member uploads (a command's attachment option), served as Discord's CDN would, without auth. */
    static final String CDN = "/attachments/";

    private final SimWorld world;
    private final DiscordSpec spec;
    private final List<PendingFault> faults = new ArrayList<>();
    private final String gatewayUrl;
    private HttpServer server;
    private ExecutorService executor;
    /** Sends answers after the simulated latency, so that a waiting answer holds no server thread. */
    private ScheduledExecutorService delayed;

    /** Discord's rate limits and the request counters; limits off unless switched on. */
    final RateLimits rateLimits;
    /** How long each answer takes, as the round trip to Discord would; zero answers at once. */
    volatile long latencyNanos;
    /** Discord's recommended shard count, as GET /gateway/bot answers it. */
    volatile int recommendedShards = 1;
    /** GET /gateway/bot's session_start_limit.max_concurrency: how many shards may IDENTIFY per 5 s. */
    volatile int maxConcurrency = 1;

    private record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply of(int status, JsonNode body) {
            return new Reply(status, body, Map.of());
        }

        Reply withHeaders(Map<String, String> more) {
            if (more.isEmpty()) {
                return this;
            }
            Map<String, String> all = new LinkedHashMap<>(more);
            all.putAll(headers);
            return new Reply(status, body, all);
        }
    }

    private static final class PendingFault {
        final String method;
        final Pattern path;
        final RestFault fault;
        int remaining;

        PendingFault(String method, Pattern path, RestFault fault, int remaining) {
            this.method = method;
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    RestApi(SimWorld world, DiscordSpec spec, String gatewayUrl) {
        this.world = world;
        this.spec = spec;
        this.gatewayUrl = gatewayUrl;
        this.rateLimits = new RateLimits(world.applicationId, System::currentTimeMillis);
    }

    void start() {
        try {
            // A deep accept backlog: a benchmark opens a thousand connections at once.
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "discord-sim-rest");
            thread.setDaemon(true);
            return thread;
        });
        delayed = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "discord-sim-latency");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
        delayed.shutdownNow();
    }

    void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    void failNext(String method, String pathRegex, int times, RestFault fault) {
        synchronized (faults) {
            faults.add(new PendingFault(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), fault, times));
        }
    }

    private RestFault takeFault(String method, String path) {
        synchronized (faults) {
            for (Iterator<PendingFault> it = faults.iterator(); it.hasNext(); ) {
                PendingFault pending = it.next();
                if (pending.method.equals(method) && pending.path.matcher(path).matches()) {
                    if (--pending.remaining <= 0) {
                        it.remove();
                    }
                    return pending.fault;
                }
            }
            return null;
        }
    }

    /** While true, every request's connection is closed without an answer, as when Discord cannot be reached. */
    volatile boolean unreachable;

    private void handle(HttpExchange exchange) throws IOException {
        if (unreachable) {
            exchange.getRequestBody().readAllBytes();
            exchange.close();
            return;
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        if (rawPath.startsWith(CDN)) {
            serveUpload(exchange, rawPath.substring(CDN.length()));
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        String path = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length() - 1) : rawPath;
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Headers headers = exchange.getRequestHeaders();
        String contentType = String.valueOf(headers.getFirst("Content-Type"));
        // A multipart body is recorded as its payload_json part, the request's JSON.
        String body = new String(raw, StandardCharsets.UTF_8);
        List<Multipart.Part> files = List.of();
        Reply reply = null;
        if (contentType.startsWith("multipart/form-data")) {
            try {
                List<Multipart.Part> parts = Multipart.parse(contentType, raw);
                body = parts.stream()
                        .filter(part -> part.name().equals("payload_json"))
                        .map(Multipart.Part::text)
                        .findFirst()
                        .orElse("");
                files = parts.stream()
                        .filter(part -> !part.name().equals("payload_json"))
                        .toList();
            } catch (IllegalArgumentException e) {
                world.problem(method + " " + path + " sent a malformed multipart body: " + e.getMessage());
                reply = Reply.of(400, error(50035, "Invalid Form Body"));
                body = "";
            }
        }
        if (reply == null) {
            try {
                Messaging.UPLOADS.set(files);
                reply = process(method, rawPath, path, query, headers, contentType, body, files);
            } catch (RuntimeException e) {
                world.problem("simulator failed on " + method + " " + path + ": " + e);
                reply = Reply.of(500, error(0, "500: Internal Server Error"));
            } finally {
                Messaging.UPLOADS.remove();
            }
        }
        world.logRequest(new RecordedRequest(world.clock.instant(), method, path, query, body, reply.status()));
        long latency = latencyNanos;
        if (latency <= 0) {
            respond(exchange, reply);
            return;
        }
        Reply answer = reply;
        delayed.schedule(
                () -> {
                    try {
                        respond(exchange, answer);
                    } catch (IOException | RuntimeException e) {
                        exchange.close(); // the client went away meanwhile
                    }
                },
                latency,
                TimeUnit.NANOSECONDS);
    }

    /** GET attachments/{id}/{filename}: the bytes of a member's upload, or 404. */
    private void serveUpload(HttpExchange exchange, String idAndName) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String id = idAndName.split("/", 2)[0];
        SimAttachment file;
        synchronized (world) {
            file = world.uploads.get(id);
        }
        if (file == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = file.bytes();
        exchange.getResponseHeaders().set("Content-Type", file.contentType());
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            byte[] bytes = Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private Reply process(
            String method,
            String rawPath,
            String path,
            String query,
            Headers headers,
            String contentType,
            String body,
            List<Multipart.Part> files) {
        if (!rawPath.startsWith(PREFIX)) {
            world.problem("request outside /api/v10: " + method + " " + rawPath);
            return Reply.of(404, error(0, "404: Not Found"));
        }
        if (!("Bot " + world.token).equals(headers.getFirst("Authorization"))) {
            return Reply.of(401, error(0, "401: Unauthorized"));
        }
        RestFault fault = takeFault(method, path);
        if (fault != null) {
            return faultReply(fault, method + " " + path);
        }
        DiscordSpec.Operation operation = spec.find(method, path).orElse(null);
        if (operation == null) {
            world.problem("unknown route (not in Discord's spec): " + method + " " + path);
            return Reply.of(404, error(0, "404: Not Found"));
        }
        return limited(operation, method, path, query, headers, contentType, body, files);
    }

    /** Rate limits come before the body is looked at, as on Discord; every answer carries its bucket's headers. */
    private Reply limited(
            DiscordSpec.Operation operation,
            String method,
            String path,
            String query,
            Headers headers,
            String contentType,
            String body,
            List<Multipart.Part> files) {
        Map<String, String> params = pathParams(operation.template(), path);
        RateLimits.Decision decision =
                rateLimits.decide(operation.operationId(), method + " " + operation.template(), params);
        if (!decision.allowed()) {
            return new Reply(429, decision.body(), decision.headers());
        }
        return checked(operation, method, path, query, headers, contentType, body, files, params)
                .withHeaders(decision.headers());
    }

    private Reply checked(
            DiscordSpec.Operation operation,
            String method,
            String path,
            String query,
            Headers headers,
            String contentType,
            String body,
            List<Multipart.Part> files,
            Map<String, String> params) {
        boolean multipart = contentType.startsWith("multipart/form-data");
        if (multipart) {
            String wrong = filesProblem(operation, body, files);
            if (wrong != null) {
                world.problem(method + " " + path + " (" + operation.operationId() + ") " + wrong);
                return Reply.of(400, error(50035, "Invalid Form Body"));
            }
        }
        JsonNode json = null;
        if (!body.isBlank()) {
            if (!multipart && !contentType.startsWith("application/json")) {
                world.problem(method + " " + path + " sent " + contentType + "; only JSON bodies are simulated");
                return Reply.of(400, error(50035, "Invalid Form Body"));
            }
            try {
                json = Json.parse(body);
            } catch (IllegalArgumentException e) {
                world.problem(method + " " + path + " sent invalid JSON: " + body);
                return Reply.of(400, error(50109, "The request body contains invalid JSON."));
            }
        }
        if (operation.jsonBody()) {
            if (json == null) {
                world.problem(method + " " + path + " (" + operation.operationId() + ") sent no body");
                return Reply.of(400, error(50035, "Invalid Form Body"));
            }
            if (operation.operationId().equals("create_dm")
                    && json.path("recipient_id").isIntegralNumber()) {
                // Discord takes a snowflake as a JSON integer too (JDA sends the recipient so); its spec
                // documents only the string form.
                ((ObjectNode) json)
                        .put("recipient_id", json.path("recipient_id").asString());
            }
            List<String> violations = spec.validate(operation, json);
            if (!violations.isEmpty()) {
                world.problem(method + " " + path + " (" + operation.operationId() + ") violates the spec: "
                        + violations + " in " + body);
                ObjectNode invalid = error(50035, "Invalid Form Body");
                violations.forEach(invalid.putArray("errors")::add);
                return Reply.of(400, invalid);
            }
        }
        try {
            JsonNode result = route(operation, method, params, queryParams(query), json);
            return result == null ? Reply.of(204, null) : Reply.of(200, result);
        } catch (DiscordError e) {
            return Reply.of(e.status, e.body());
        }
    }

    private JsonNode route(
            DiscordSpec.Operation operation,
            String method,
            Map<String, String> p,
            Map<String, String> q,
            JsonNode json) {
        return switch (operation.operationId()) {
            case "get_my_user" -> world.botRest.me();
            case "get_gateway" -> Json.object().put("url", gatewayUrl);
            case "get_bot_gateway" -> botGateway();
            case "bulk_set_application_commands" -> world.botRest.putCommands(p.get("application_id"), null, json);
            case "bulk_set_guild_application_commands" ->
                world.botRest.putCommands(p.get("application_id"), p.get("guild_id"), json);
            case "list_application_commands" -> world.botRest.listCommands(p.get("application_id"), null);
            case "list_guild_application_commands" ->
                world.botRest.listCommands(p.get("application_id"), p.get("guild_id"));
            case "get_channel" -> world.botRest.getChannel(p.get("channel_id"));
            case "update_channel" -> world.botRest.updateChannel(p.get("channel_id"), json);
            case "create_message" -> world.botRest.createMessage(p.get("channel_id"), json);
            case "create_dm" -> world.botRest.createDm(json);
            case "list_messages" -> world.botRest.listMessages(p.get("channel_id"), q);
            case "get_message" -> world.botRest.getMessage(p.get("channel_id"), p.get("message_id"));
            case "update_message" -> world.botRest.editMessage(p.get("channel_id"), p.get("message_id"), json);
            case "add_guild_member_role", "delete_guild_member_role" -> {
                world.botRest.memberRole(p.get("guild_id"), p.get("user_id"), p.get("role_id"), method.equals("PUT"));
                yield null;
            }
            case "delete_message" -> {
                world.botRest.deleteMessage(p.get("channel_id"), p.get("message_id"));
                yield null;
            }
            case "create_thread_from_message" ->
                world.botRest.createThread(p.get("channel_id"), p.get("message_id"), json);
            case "create_thread" -> world.botRest.createThreadWithoutMessage(p.get("channel_id"), json);
            case "add_thread_member" -> {
                world.botRest.addThreadMember(p.get("channel_id"), p.get("user_id"));
                yield null;
            }
            case "list_message_reactions_by_emoji" ->
                world.botRest.reactionUsers(p.get("channel_id"), p.get("message_id"), p.get("emoji_name"), q);
            case "add_my_message_reaction", "delete_my_message_reaction" -> {
                world.botRest.botReaction(
                        p.get("channel_id"), p.get("message_id"), p.get("emoji_name"), method.equals("PUT"));
                yield null;
            }
            case "create_interaction_response" ->
                world.interactionRest.interactionCallback(
                        p.get("interaction_id"),
                        p.get("interaction_token"),
                        json,
                        "true".equals(q.get("with_response")));
            case "execute_webhook" -> world.interactionRest.followUp(p.get("webhook_id"), p.get("webhook_token"), json);
            case "get_original_webhook_message", "update_original_webhook_message", "delete_original_webhook_message" ->
                world.interactionRest.webhookMessage(
                        method, p.get("webhook_id"), p.get("webhook_token"), "@original", json);
            case "get_webhook_message", "update_webhook_message", "delete_webhook_message" ->
                world.interactionRest.webhookMessage(
                        method, p.get("webhook_id"), p.get("webhook_token"), p.get("message_id"), json);
            default -> {
                world.problem("route not simulated: " + method + " " + operation.template() + " ("
                        + operation.operationId() + ")");
                throw new DiscordError(404, 0, "404: Not Found");
            }
        };
    }

    /**
     * What is wrong with the files of a multipart request, or null: the operation must take multipart bodies
     * (Discord's spec lists multipart/form-data for it), every part but payload_json must be a file named
     * {@code files[n]} with a file name and bytes, and every attachment the JSON names by a small id must be
     * one of those files. The JSON itself is then validated like any JSON body.
     */
    private static String filesProblem(DiscordSpec.Operation operation, String payload, List<Multipart.Part> files) {
        if (!operation.multipart()) {
            return "sent multipart/form-data, which the spec does not allow here";
        }
        if (payload.isBlank()) {
            return "sent a multipart body without payload_json";
        }
        java.util.Set<String> indexes = new java.util.HashSet<>();
        for (Multipart.Part file : files) {
            java.util.regex.Matcher name = FILE_PART.matcher(file.name());
            if (!name.matches()) {
                return "sent a multipart part named " + file.name() + " (only payload_json and files[n])";
            }
            if (file.filename() == null || file.filename().isBlank()) {
                return "sent " + file.name() + " without a file name";
            }
            if (file.body().length == 0) {
                return "sent " + file.name() + " empty";
            }
            indexes.add(name.group(1));
        }
        JsonNode json;
        try {
            json = Json.parse(payload);
        } catch (IllegalArgumentException e) {
            return "sent invalid JSON in payload_json: " + payload;
        }
        for (JsonNode attachment : json.path("attachments")) {
            String id = attachment.path("id").asString("");
            if (id.length() < 4 && !indexes.contains(id)) {
                return "names attachment " + id + " but sent no files[" + id + "]";
            }
        }
        return null;
    }

    private static final Pattern FILE_PART = Pattern.compile("files\\[(\\d+)\\]");

    private JsonNode botGateway() {
        ObjectNode json = Json.object();
        json.put("url", gatewayUrl);
        json.put("shards", recommendedShards);
        ObjectNode limit = json.putObject("session_start_limit");
        limit.put("total", 1000);
        limit.put("remaining", Math.max(0, 1000 - world.identifies()));
        limit.put("reset_after", 86_400_000);
        limit.put("max_concurrency", maxConcurrency);
        return json;
    }

    private static Reply faultReply(RestFault fault, String route) {
        if (fault.status() != 429) {
            return Reply.of(fault.status(), error(fault.code(), fault.message()));
        }
        long seconds = fault.retryAfterSeconds();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(seconds));
        headers.put("X-RateLimit-Limit", "5");
        headers.put("X-RateLimit-Remaining", "0");
        headers.put(
                "X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + seconds));
        headers.put("X-RateLimit-Reset-After", seconds + ".000");
        headers.put("X-RateLimit-Bucket", Integer.toHexString(route.hashCode()));
        headers.put("X-RateLimit-Scope", "user");
        // Without "via", JDA takes a 429 for a Cloudflare ban rather than Discord's rate limit.
        headers.put("via", "1.1 google");
        ObjectNode body = Json.object();
        body.put("message", fault.message());
        body.put("retry_after", (double) seconds);
        body.put("global", false);
        return new Reply(429, body, headers);
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("code", code);
        return body;
    }

    private static Map<String, String> pathParams(String template, String path) {
        String[] names = template.substring(1).split("/");
        String[] values = path.substring(1).split("/");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].startsWith("{")) {
                params.put(
                        names[i].substring(1, names[i].length() - 1),
                        URLDecoder.decode(values[i], StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static Map<String, String> queryParams(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                params.put(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
