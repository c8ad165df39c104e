package dev.drill.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules of ARCHITECTURE.md, as code. */
@AnalyzeClasses(packages = "dev.drill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** Domain code takes and returns plain records; only commands, listeners and renderers speak JDA. */
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
            .and()
            .haveSimpleNameNotEndingWith("Command")
            .and()
            .haveSimpleNameNotEndingWith("Listener")
            .and()
            .haveSimpleNameNotEndingWith("Renderer")
            .and()
            .haveSimpleNameNotEndingWith("Discord")
            .and()
            .haveSimpleNameNotContaining("Command$")
            .and()
            .haveSimpleNameNotContaining("Renderer$")
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
