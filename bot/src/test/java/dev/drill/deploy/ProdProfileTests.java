package dev.drill.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The prod profile")
class ProdProfileTests {

    @Test
    @DisplayName("logs one JSON object a line with the MDC's guild, and keeps application.yaml's levels")
    void structuredConsoleLogs() throws IOException {
        StandardEnvironment environment = prodEnvironment();
        String format = environment.getProperty("logging.structured.format.console");
        assertThat(format).isEqualTo("ecs");
        assertThat(environment.getProperty("logging.level.net.dv8tion.jda")).isEqualTo("WARN");

        // Boot's own encoder, as its logging system sets it up for that property, on a private context.
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        try {
            LoggingEvent event = new LoggingEvent(
                    getClass().getName(),
                    context.getLogger("dev.drill.round.RoundService"),
                    Level.INFO,
                    "Posted round {}",
                    null,
                    new Object[] {"2040-12-03"});
            event.setMDCPropertyMap(Map.of("guild", "123456789012345678"));

            String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

            assertThat(line).endsWith("\n").hasLineCount(1);
            JsonNode json = JsonMapper.builder().build().readTree(line);
            assertThat(json.path("message").asString()).isEqualTo("Posted round 2040-12-03");
            assertThat(json.path("guild").asString()).isEqualTo("123456789012345678");
            assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(json.path("service").path("name").asString()).isEqualTo("drill");
        } finally {
            encoder.stop();
            context.stop();
        }
    }

    /** application.yaml with application-prod.yaml over it, and nothing from this machine's environment. */
    private static StandardEnvironment prodEnvironment() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : new String[] {"application-prod.yaml", "application.yaml"}) {
            loader.load(file, new ClassPathResource(file)).forEach(sources::addLast);
        }
        return environment;
    }
}
