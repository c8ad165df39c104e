package dev.drill.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.drill.DrillApplication;
import dev.drill.architecture.planted.cycle.a.Alpha;
import dev.drill.architecture.planted.cycle.b.Beta;
import dev.drill.architecture.planted.jda.ShoutCommand;
import dev.drill.architecture.planted.record.Verdict;
import dev.drill.architecture.planted.redis.ContentCache;
import dev.drill.architecture.planted.time.Today;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.MessageCommand;
import dev.drill.discord.ModalHandler;
import dev.drill.discord.SlashCommand;
import dev.drill.redis.Store;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The house rules of docs/ARCHITECTURE.md, as code, by what a class is (its contract, its declared role, its
 * package), never by its name. Each rule also runs on a planted violation of its own, so a rule that could
 * not fail would show.
 */
@AnalyzeClasses(packages = "dev.drill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The contracts through which Discord reaches a feature: commands, buttons, setup parts, JDA event listeners. */
    private static final DescribedPredicate<JavaClass> SPEAKS_DISCORD = DescribedPredicate.describe(
            "a command, button, setup part or listener, or a declared @DiscordEdge (renderer, port adapter)", c -> {
                JavaClass top = topLevel(c);
                return top.isAssignableTo(SlashCommand.class)
                        || top.isAssignableTo(MessageCommand.class)
                        || top.isAssignableTo(ButtonHandler.class)
                        || top.isAssignableTo(ModalHandler.class)
                        || top.isAssignableTo(dev.drill.discord.SetupPart.class)
                        || top.isAssignableTo(net.dv8tion.jda.api.hooks.EventListener.class)
                        || top.isAnnotatedWith(DiscordEdge.class);
            });

    private static final DescribedPredicate<JavaClass> STORE =
            DescribedPredicate.describe("a @Store", c -> topLevel(c).isAnnotatedWith(Store.class));

    private static final DescribedPredicate<JavaCall<?>> SYSTEM_TIME = DescribedPredicate.describe(
            "now() of a java.time type, or System.currentTimeMillis()",
            call -> (call.getName().equals("now")
                            && call.getTargetOwner().getPackageName().equals("java.time"))
                    || (call.getName().equals("currentTimeMillis")
                            && call.getTargetOwner().isEquivalentTo(System.class)));

    /** Feature packages on top, discord, redis, ops and config at the bottom: no package depends back. */
    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.drill.(**)").should().beFreeOfCycles();

    /** Domain code takes and returns plain records; only the Discord edge speaks JDA. */
    @ArchTest
    static final ArchRule jdaOnlyAtTheEdge = noClasses()
            .that()
            .resideOutsideOfPackage("dev.drill.discord..")
            .and(DescribedPredicate.not(SPEAKS_DISCORD))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("net.dv8tion..")
            .because("domain code must stay testable without Discord");

    /** Redis is reached through stores, so every key and script stays behind one door per feature. */
    @ArchTest
    static final ArchRule redisOnlyInStores = noClasses()
            .that()
            .resideOutsideOfPackage("dev.drill.redis..")
            .and(DescribedPredicate.not(STORE))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.data.redis..")
            .because("only a @Store (or the redis package) talks to Redis");

    /** Time is injected; the system clock would make rounds and tests untestable. */
    @ArchTest
    static final ArchRule noSystemClock = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(DrillApplication.class.getName())
            .should()
            .callMethodWhere(SYSTEM_TIME)
            .because("time comes from the injected Clock (DrillApplication configures the real one)");

    /** The records features pass around are plain Java: only configuration records may carry Spring. */
    @ArchTest
    static final ArchRule recordsFreeOfSpring = noClasses()
            .that()
            .areRecords()
            .and()
            .resideOutsideOfPackage("dev.drill.config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("domain records are values, testable and serialisable without a container");

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    @Nested
    @DisplayName("each rule fails on a planted violation")
    class Planted {

        private JavaClasses planted(Class<?>... classes) {
            return new ClassFileImporter().importClasses(classes);
        }

        @Test
        @DisplayName("a class named ...Command that uses JDA without a command contract")
        void jda() {
            assertThatThrownBy(() -> jdaOnlyAtTheEdge.check(planted(ShoutCommand.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ShoutCommand");
        }

        @Test
        @DisplayName("two packages that depend on each other")
        void cycle() {
            assertThatThrownBy(() -> noPackageCycles.check(planted(Alpha.class, Beta.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Cycle");
        }

        @Test
        @DisplayName("a Redis template in a domain class")
        void redis() {
            assertThatThrownBy(() -> redisOnlyInStores.check(planted(ContentCache.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ContentCache");
        }

        @Test
        @DisplayName("LocalDate.now()")
        void time() {
            assertThatThrownBy(() -> noSystemClock.check(planted(Today.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("LocalDate.now()");
        }

        @Test
        @DisplayName("a record that uses Spring")
        void record() {
            assertThatThrownBy(() -> recordsFreeOfSpring.check(planted(Verdict.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Verdict");
        }
    }
}
