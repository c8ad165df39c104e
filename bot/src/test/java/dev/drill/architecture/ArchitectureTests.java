package dev.drill.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The house rules of ARCHITECTURE.md, as code. */
@AnalyzeClasses(packages = "dev.drill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The thin Discord edge of a feature: its commands, listeners, renderers and JDA adapter. */
    private static final DescribedPredicate<JavaClass> DISCORD_EDGE =
            DescribedPredicate.describe("a command, listener, renderer or Discord adapter", c -> {
                String name = c.getName().substring(c.getName().lastIndexOf('.') + 1);
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                return List.of("Command", "Listener", "Renderer", "Discord").stream()
                        .anyMatch(outer::endsWith);
            });

    /** Domain code takes and returns plain records; only the Discord edge speaks JDA. */
    @ArchTest
    static final ArchRule domainDoesNotUseJda = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.drill.content..",
                    "dev.drill.round..",
                    "dev.drill.answer..",
                    "dev.drill.score..",
                    "dev.drill.guild..",
                    "dev.drill.practice..",
                    "dev.drill.redis..")
            .and(DescribedPredicate.not(DISCORD_EDGE))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("net.dv8tion..")
            .because("domain code must stay testable without Discord");

    /** Time is injected; a direct call to the system clock would make rounds untestable. */
    @ArchTest
    static final ArchRule noSystemClock = noClasses()
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("time comes from the injected Clock");
}
