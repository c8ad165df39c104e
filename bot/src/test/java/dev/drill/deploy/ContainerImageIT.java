package dev.drill.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.config.StartupChecks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image, without Docker: reads the Dockerfile, then does on this machine what its build and
 * runtime stages do, with the jar this build just packaged (so Failsafe runs it, after {@code package}).
 * Container paths are mapped into a temporary folder that stands for the image's file system.
 */
@DisplayName("The container image")
class ContainerImageIT {

    private static final Pattern LAYER = Pattern.compile("^- \"([^\"]+)\":$", Pattern.MULTILINE);
    private static final Duration EXTRACT_LIMIT = Duration.ofSeconds(120);
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private static Dockerfile dockerfile;
    private static Path jar;

    @TempDir
    Path rootfs;

    @BeforeAll
    static void read() {
        dockerfile = Dockerfile.parse(Repo.read(Repo.file("Dockerfile")));
        String built = System.getProperty("drill.jar");
        assertThat(built)
                .as("the packaged jar's path (set by the Failsafe configuration in bot/pom.xml)")
                .isNotBlank();
        jar = Path.of(built);
        assertThat(jar).isRegularFile();
    }

    @Test
    @DisplayName("builds on a Temurin 17 JDK and runs on a Temurin 17 JRE")
    void baseImages() {
        assertThat(dockerfile.stage("build").image()).isEqualTo("eclipse-temurin:17-jdk");
        assertThat(dockerfile.finalStage().image()).isEqualTo("eclipse-temurin:17-jre");
    }

    @Test
    @DisplayName("runs as a non-root user that exists and owns the data volume")
    void nonRoot() {
        Dockerfile.Stage runtime = dockerfile.finalStage();
        String user = runtime.last("USER")
                .orElseThrow(() -> new AssertionError("no USER"))
                .body();
        String uid = user.split(":")[0];

        assertThat(uid).isNotIn("root", "0");
        if (uid.chars().allMatch(Character::isDigit)) {
            assertThat(Integer.parseInt(uid)).isPositive();
            assertThat(runtime.all("RUN"))
                    .anySatisfy(
                            run -> assertThat(run.body()).contains("useradd").contains("--uid " + uid));
        }

        String dataDir = runtime.environment().get("DRILL_DATA_DIR");
        assertThat(dataDir).as("ENV DRILL_DATA_DIR").isNotNull();
        assertThat(runtime.all("VOLUME"))
                .anySatisfy(volume -> assertThat(volume.words()).contains(dataDir));
        int chown = indexOf(
                runtime, run -> run.keyword().equals("RUN") && run.body().contains("chown " + user + " " + dataDir));
        int volume = indexOf(
                runtime, each -> each.keyword().equals("VOLUME") && each.words().contains(dataDir));
        assertThat(chown)
                .as("the data folder is chowned to %s before VOLUME (later changes to a volume are dropped)", user)
                .isNotNegative()
                .isLessThan(volume);
    }

    @Test
    @DisplayName("exposes and probes the port the management server listens on")
    void managementPort() {
        Dockerfile.Stage runtime = dockerfile.finalStage();
        int port = Repo.managementPort();

        assertThat(runtime.all("EXPOSE"))
                .singleElement()
                .satisfies(expose -> assertThat(expose.words()).containsExactly(String.valueOf(port)));
        assertThat(String.join(" ", healthCheck()))
                .contains("/dev/tcp/127.0.0.1/" + port)
                .contains("/actuator/health/readiness");
    }

    @Test
    @DisplayName("its health check passes on 200 from the readiness endpoint, fails on 503 and when nothing listens")
    void healthCheckProbe() throws Exception {
        int port = Repo.managementPort();

        HealthProbe.Outcome up = HealthProbe.against(healthCheck(), port, 200);
        assertThat(up.healthy()).as("healthy on 200").isTrue();
        assertThat(up.requestedPaths()).containsExactly("/actuator/health/readiness");

        assertThat(HealthProbe.against(healthCheck(), port, 503).healthy())
                .as("healthy on 503")
                .isFalse();
        assertThat(HealthProbe.againstNothing(healthCheck(), port).healthy())
                .as("healthy with nothing listening")
                .isFalse();
    }

    @Test
    @DisplayName("extracted and started as its ENTRYPOINT does, without a token, stops at once with the one sentence")
    void startsWithoutToken() throws Exception {
        // Build stage: the extract command, as written, on the jar this build packaged.
        List<String> extract = extractCommand();
        Path extracted = inRootfs(extract.get(extract.indexOf("--destination") + 1));
        List<String> command = new ArrayList<>(extract);
        command.set(0, javaCommand());
        command.set(command.indexOf("-jar") + 1, jar.toString());
        command.set(command.indexOf("--destination") + 1, extracted.toString());
        int extractExit = Processes.run(
                new ProcessBuilder(command)
                        .directory(Repo.root().toFile())
                        .redirectOutput(rootfs.resolve("extract.out").toFile())
                        .redirectError(rootfs.resolve("extract.err").toFile()),
                EXTRACT_LIMIT);
        assertThat(extractExit)
                .as("extract: %s", Files.readString(rootfs.resolve("extract.err")))
                .isZero();

        // Runtime stage: its COPY --from=build lines, in order, into its WORKDIR.
        Dockerfile.Stage runtime = dockerfile.finalStage();
        String workdir = runtime.last("WORKDIR").orElseThrow().body();
        Path app = inRootfs(workdir);
        Files.createDirectories(app);
        List<String> layers = new ArrayList<>();
        for (Dockerfile.Instruction copy : runtime.all("COPY")) {
            if (!"build".equals(copy.flags().get("from"))) {
                continue;
            }
            List<String> paths = copy.words();
            assertThat(paths)
                    .as("COPY %s: one source, one destination", copy.arguments())
                    .hasSize(2);
            Path source = inRootfs(paths.get(0));
            assertThat(source.startsWith(extracted))
                    .as("%s is extracted", paths.get(0))
                    .isTrue();
            assertThat(source).as("%s exists after extract", paths.get(0)).isDirectory();
            layers.add(source.getFileName().toString());
            copyContents(source, inRootfs(containerPath(workdir, paths.get(1))));
        }
        assertThat(layers)
                .as("every layer, least to most often changing, as the jar's layers.idx lists them")
                .containsExactlyElementsOf(layersOf(jar));

        // ENTRYPOINT, with the image's ENV (volume paths in the rootfs) and no token nor any other setting.
        List<String> entrypoint = runtime.last("ENTRYPOINT").orElseThrow().execForm();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint)
                .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
                .endsWith("org.springframework.boot.loader.launch.JarLauncher");
        List<String> start = new ArrayList<>(entrypoint);
        start.set(0, javaCommand());
        ProcessBuilder builder = new ProcessBuilder(start)
                .directory(app.toFile())
                .redirectOutput(rootfs.resolve("drill.out").toFile())
                .redirectError(rootfs.resolve("drill.err").toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        if (path != null) {
            environment.put("PATH", path);
        }
        Set<String> volumes = volumes(runtime);
        runtime.environment().forEach((name, value) -> {
            if (volumes.contains(value)) {
                Path mounted = inRootfs(value);
                mkdirs(mounted);
                value = mounted.toString();
            }
            environment.put(name, value);
        });
        assertThat(environment).doesNotContainKeys("DISCORD_TOKEN", "REDIS_URL", "CLASSPATH", "JAVA_TOOL_OPTIONS");

        int exit = Processes.run(builder, START_LIMIT);

        String stderr = Files.readString(rootfs.resolve("drill.err"));
        assertThat(exit).as("exit code (stderr: %s)", stderr).isNotZero();
        assertThat(stderr).isEqualTo(StartupChecks.MISSING_TOKEN + System.lineSeparator());
    }

    /** The build stage's {@code java -Djarmode=tools -jar <jar> extract ...}, as words. */
    private static List<String> extractCommand() {
        Dockerfile.Stage build = dockerfile.stage("build");
        List<String> found = build.all("RUN").stream()
                .flatMap(run -> Stream.of(run.body().split("&&")))
                .map(String::strip)
                .filter(part -> part.contains("-Djarmode=tools"))
                .toList();
        assertThat(found).as("one extract command in the build stage").hasSize(1);
        List<String> words = List.of(found.get(0).split("\\s+"));
        assertThat(words)
                .startsWith("java", "-Djarmode=tools", "-jar")
                .containsSubsequence("extract", "--layers", "--launcher", "--destination");
        // The jar it names is the one this build makes, relative to the stage's WORKDIR (the repository).
        String buildWorkdir = build.last("WORKDIR").orElseThrow().body();
        String jarInImage = words.get(3);
        assertThat(containerPath(buildWorkdir, jarInImage))
                .isEqualTo(containerPath(
                        buildWorkdir, Repo.root().relativize(jar).toString().replace('\\', '/')));
        return words;
    }

    private List<String> healthCheck() {
        return dockerfile.finalStage().last("HEALTHCHECK").orElseThrow().execFormAfter("CMD");
    }

    /** The layer names in the order of the jar's BOOT-INF/layers.idx. */
    private static List<String> layersOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile());
                InputStream index = zip.getInputStream(zip.getEntry("BOOT-INF/layers.idx"))) {
            Matcher layer = LAYER.matcher(new String(index.readAllBytes(), StandardCharsets.UTF_8));
            List<String> layers = new ArrayList<>();
            while (layer.find()) {
                layers.add(layer.group(1));
            }
            return layers;
        }
    }

    private static Set<String> volumes(Dockerfile.Stage stage) {
        return stage.all("VOLUME").stream()
                .flatMap(volume -> volume.words().stream())
                .collect(Collectors.toSet());
    }

    /** An absolute container path, {@code relative} resolved against {@code workdir}. */
    private static String containerPath(String workdir, String relative) {
        return Path.of("/").resolve(workdir).resolve(relative).normalize().toString();
    }

    /** Where a container path lies in this test's stand-in for the image's file system. */
    private Path inRootfs(String containerPath) {
        assertThat(containerPath).as("an absolute container path").startsWith("/");
        Path mapped = rootfs.resolve(containerPath.substring(1)).normalize();
        assertThat(mapped.startsWith(rootfs)).isTrue();
        return mapped;
    }

    /** COPY of a directory: its contents, merged into the destination. */
    private static void copyContents(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int indexOf(Dockerfile.Stage stage, Predicate<Dockerfile.Instruction> test) {
        List<Dockerfile.Instruction> instructions = stage.instructions();
        for (int i = 0; i < instructions.size(); i++) {
            if (test.test(instructions.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java of the JVM running this test (a Java 17, as the image's). */
    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
