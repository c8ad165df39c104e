package dev.drill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.config.DrillProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Where Drill's Redis comes from: Boot's spring.data.redis.* settings, or the embedded one when none is set. */
@DisplayName("Redis configuration")
class RedisConfigTests {

    @TempDir
    Path data;

    @EnableConfigurationProperties(DrillProperties.class)
    @Configuration(proxyBeanMethods = false)
    static class Properties {}

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withUserConfiguration(Properties.class, RedisConfig.class)
                .withPropertyValues(
                        "drill.discord.token=x",
                        "drill.content.path=content",
                        "drill.redis.data-dir=" + data,
                        "drill.redis.request-queue-size=1000",
                        "drill.scheduler.tick=0",
                        "drill.management.port=0",
                        "drill.management.address=127.0.0.1",
                        "spring.data.redis.timeout=2s");
    }

    @Test
    @DisplayName(
            "no Redis location set: the embedded Redis starts in the data folder and is Boot's connection, with its"
                    + " password")
    void embeddedByDefault() {
        runner().withPropertyValues("spring.data.redis.url=").run(context -> {
            assertThat(context).hasSingleBean(EmbeddedRedisConnectionDetails.class);
            // Boot's Lettuce connects with the password of the folder: the server refuses clients without it.
            assertThat(context.getBean(DataRedisConnectionDetails.class).getPassword())
                    .isNotBlank()
                    .isEqualTo(Files.readString(data.resolve(EmbeddedRedis.PASSWORD_FILE))
                            .strip());
            StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
            redis.opsForValue().set("k", "v");
            assertThat(redis.opsForValue().get("k")).isEqualTo("v");
            assertThat(data).isNotEmptyDirectory();
        });
    }

    @Test
    @DisplayName("spring.data.redis.host and port (or a URL) name a Redis: that one is used, none is embedded")
    void externalByHostOrUrl() {
        try (RedisFixture external = RedisFixture.startInTempDir(Duration.ofSeconds(2))) {
            external.template().opsForValue().set("where", "external");
            int port = external.server().port();
            runner().withPropertyValues(
                            "spring.data.redis.host=127.0.0.1",
                            "spring.data.redis.port=" + port,
                            "spring.data.redis.password=" + external.server().password())
                    .run(context -> {
                        assertThat(context).doesNotHaveBean(EmbeddedRedisConnectionDetails.class);
                        assertThat(context.getBean(StringRedisTemplate.class)
                                        .opsForValue()
                                        .get("where"))
                                .isEqualTo("external");
                    });
            runner().withPropertyValues(
                            "spring.data.redis.url=" + external.server().url())
                    .run(context -> {
                        assertThat(context).doesNotHaveBean(EmbeddedRedisConnectionDetails.class);
                        assertThat(context.getBean(DataRedisConnectionDetails.class)
                                        .getStandalone()
                                        .getPort())
                                .isEqualTo(port);
                        assertThat(context.getBean(StringRedisTemplate.class)
                                        .opsForValue()
                                        .get("where"))
                                .isEqualTo("external");
                    });
        }
        assertThat(data).isEmptyDirectory();
    }

    @Test
    @DisplayName("a malformed URL stops start-up with a sentence that names the setting and hides the password")
    void malformedUrlHidesPassword() {
        runner().withPropertyValues("spring.data.redis.url=http://drill:s3cret-pass@redis.example:6379")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new RedisUrlFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .startsWith("The Redis URL (REDIS_URL or spring.data.redis.url) is not valid: ")
                            .contains("***@redis.example:6379")
                            .doesNotContain("s3cret-pass");
                    assertThat(analysis.getAction()).contains("redis://");
                    assertThat(analysis.getCause()).isNull();
                });
    }

    @Test
    @DisplayName("the password is hidden however broken the rest of the URL is")
    void redaction() {
        assertThat(RedisUrlFailureAnalyzer.redact("redis://:pw@host:6379/0")).isEqualTo("redis://***@host:6379/0");
        assertThat(RedisUrlFailureAnalyzer.redact("redis://user:p%40ss@host:x")).isEqualTo("redis://***@host:x");
        assertThat(RedisUrlFailureAnalyzer.redact("redis://host:6379")).isEqualTo("redis://host:6379");
    }
}
