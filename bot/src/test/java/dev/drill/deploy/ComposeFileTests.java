package dev.drill.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

@DisplayName("compose.yaml")
class ComposeFileTests {

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    private static JsonNode services;
    private static ApplicationVariables variables;

    @BeforeAll
    static void read() {
        JsonNode compose = YAMLMapper.builder().build().readTree(Repo.file("compose.yaml"));
        services = compose.path("services");
        variables = ApplicationVariables.of(Repo.mainResources());
    }

    @Test
    @DisplayName("runs Drill and Redis, nothing else")
    void services() {
        assertThat(services.propertyNames()).containsExactlyInAnyOrder("drill", "redis");
    }

    @Test
    @DisplayName(
            "Redis is the official image, keeps an AOF flushed every second in a named volume, and says when it is up")
    void redis() {
        JsonNode redis = services.path("redis");
        assertThat(redis.path("image").asString()).matches("redis:[78](\\..*)?");
        assertThat(String.join(" ", words(redis.path("command"))))
                .contains("--appendonly yes")
                .contains("--appendfsync everysec");
        assertThat(words(redis.path("volumes")))
                .anySatisfy(volume -> assertThat(volume).endsWith(":/data"))
                .allSatisfy(volume -> assertThat(namedVolumes()).contains(volume.substring(0, volume.indexOf(':'))));
        assertThat(String.join(" ", words(redis.path("healthcheck").path("test"))))
                .contains("redis-cli ping");
    }

    @Test
    @DisplayName("Drill is built from this repository, starts once Redis is healthy, restarts unless stopped")
    void drill() {
        JsonNode drill = services.path("drill");
        JsonNode build = drill.path("build");
        assertThat(build.isString() ? build.asString() : build.path("context").asString())
                .isEqualTo(".");
        assertThat(drill.path("depends_on").path("redis").path("condition").asString())
                .isEqualTo("service_healthy");
        assertThat(drill.path("restart").asString()).isEqualTo("unless-stopped");
    }

    @Test
    @DisplayName(
            "publishes the management port on the host's loopback only, and makes it listen beyond the container's")
    void managementPort() {
        JsonNode drill = services.path("drill");
        int port = Repo.managementPort();

        assertThat(words(drill.path("ports"))).containsExactly("127.0.0.1:%d:%d".formatted(port, port));
        assertThat(environment(drill)).containsEntry("DRILL_MANAGEMENT_ADDRESS", "0.0.0.0");
    }

    @Test
    @DisplayName("checks Drill's health with the image's own probe (which ContainerImageIT runs)")
    void healthCheck() {
        List<String> test = words(services.path("drill").path("healthcheck").path("test"));
        List<String> image = Dockerfile.parse(Repo.read(Repo.file("Dockerfile")))
                .finalStage()
                .last("HEALTHCHECK")
                .orElseThrow()
                .execFormAfter("CMD");

        assertThat(test.get(0)).isEqualTo("CMD");
        assertThat(test.subList(1, test.size())).isEqualTo(image);
    }

    @Test
    @DisplayName(
            "takes the token from drill.env, which git ignores, the image never gets, and the repo ships a template of")
    void envFile() {
        JsonNode envFile = services.path("drill").path("env_file");
        assertThat(envFile.isString() ? List.of(envFile.asString()) : words(envFile))
                .containsExactly("drill.env");
        assertThat(Repo.read(Repo.file(".gitignore")).lines()).contains("drill.env");
        assertThat(Repo.read(Repo.file(".dockerignore")).lines()).contains("**/*.env", "!**/*.env.example");
        assertThat(Files.exists(Repo.root().resolve("drill.env.example"))).isTrue();

        Map<String, String> example = exampleVariables();
        assertThat(example).containsKey("DISCORD_TOKEN");
        assertThat(example.get("DISCORD_TOKEN"))
                .as("the template holds no token")
                .isEmpty();
        assertThat(environment(services.path("drill"))).doesNotContainKey("DISCORD_TOKEN");
    }

    @Test
    @DisplayName("sets for Drill only variables it reads (environment: and every variable of drill.env.example)")
    void everyVariableIsRead() {
        Map<String, String> set = new LinkedHashMap<>(environment(services.path("drill")));
        set.putAll(exampleVariables());

        assertThat(variables.unread(set)).as("variables Drill does not read").isEmpty();
        assertThat(set).containsKeys("DISCORD_TOKEN", "REDIS_URL", "SPRING_PROFILES_ACTIVE");
    }

    @Test
    @DisplayName("activates only profiles that have an application-<profile>.yaml")
    void profilesExist() {
        Map<String, String> environment = environment(services.path("drill"));
        assertThat(environment).containsKey("SPRING_PROFILES_ACTIVE");
        String profiles = environment.get("SPRING_PROFILES_ACTIVE");

        assertThat(profiles.split(","))
                .allSatisfy(
                        profile -> assertThat(Repo.mainResources().resolve("application-" + profile.strip() + ".yaml"))
                                .isRegularFile());
    }

    @Test
    @DisplayName("points REDIS_URL at the redis service")
    void redisUrl() {
        Map<String, String> environment = environment(services.path("drill"));
        assertThat(environment).containsKey("REDIS_URL");
        URI url = URI.create(environment.get("REDIS_URL"));

        assertThat(url.getScheme()).isEqualTo("redis");
        assertThat(services.has(url.getHost()))
                .as("a service named %s", url.getHost())
                .isTrue();
        assertThat(url.getPort()).isEqualTo(6379);
    }

    @Test
    @DisplayName("the variable check rejects misspelt variables")
    void rejectsMisspelt() {
        Map<String, String> planted = Map.of(
                "REDIS_ULR", "redis://redis:6379",
                "DISCORD_TOKN", "x",
                "SPRING_PROFILES_ACTVE", "prod",
                "DRILL_MANAGEMENT_ADRESS", "0.0.0.0",
                "DRILL_SCHEDULER_TIK", "5s",
                "SPRING_PROFILES_ACTIVE_PROD", "true");

        assertThat(variables.unread(planted)).containsExactlyInAnyOrderElementsOf(planted.keySet());
    }

    @Test
    @DisplayName("the variable check accepts placeholders, properties Boot binds, map keys and list indexes")
    void acceptsRead() {
        Map<String, String> read = Map.of(
                "DISCORD_TOKEN", "x",
                "REDIS_URL", "redis://redis:6379",
                "DRILL_MANAGEMENT_PORT", "8081",
                "SPRING_PROFILES_ACTIVE", "prod",
                "SPRING_PROFILES_ACTIVE_0", "prod",
                "DRILL_REDIS_REQUESTQUEUESIZE", "5000",
                "SPRING_DATA_REDIS_TIMEOUT", "3s",
                "LOGGING_LEVEL_IO_LETTUCE", "DEBUG",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash");

        assertThat(variables.placeholders()).contains("DISCORD_TOKEN", "REDIS_URL", "DRILL_DATA_DIR");
        assertThat(variables.unread(read)).isEmpty();
    }

    private static List<String> namedVolumes() {
        JsonNode compose = YAMLMapper.builder().build().readTree(Repo.file("compose.yaml"));
        return new ArrayList<>(compose.path("volumes").propertyNames());
    }

    /** A list of strings, or a string split at whitespace (compose takes both for command and test). */
    private static List<String> words(JsonNode node) {
        if (node.isString()) {
            return Arrays.asList(node.asString().strip().split("\\s+"));
        }
        assertThat(node.isArray()).as("a list: %s", node).isTrue();
        List<String> words = new ArrayList<>();
        node.values().forEach(each -> words.add(each.asString()));
        return words;
    }

    /** A service's environment:, in either of compose's forms (a map, or a list of NAME=value). */
    private static Map<String, String> environment(JsonNode service) {
        JsonNode environment = service.path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isObject()) {
            environment
                    .properties()
                    .forEach(entry ->
                            variables.put(entry.getKey(), entry.getValue().asString("")));
        } else if (environment.isArray()) {
            for (JsonNode entry : environment.values()) {
                String[] parts = entry.asString().split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return variables;
    }

    /**
     * The variables drill.env.example names: its NAME=value lines, and the commented-out ones ({@code #
     * NAME=value}) it offers, since a user who uncomments them sets them too.
     */
    private static Map<String, String> exampleVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Repo.read(Repo.file("drill.env.example")).lines().toList()) {
            String content = line.strip();
            boolean comment = content.startsWith("#");
            if (comment) {
                content = content.substring(1).strip();
            }
            Matcher assignment = ASSIGNMENT.matcher(content);
            if (assignment.matches()) {
                variables.put(assignment.group(1), assignment.group(2));
            } else {
                assertThat(comment || content.isEmpty())
                        .as("drill.env.example line '%s' is NAME=value, a comment or empty", line)
                        .isTrue();
            }
        }
        return variables;
    }
}
