# syntax=docker/dockerfile:1
#
# Drill's container image. `docker build -t drill .` or `docker compose up` (see compose.yaml).
# ContainerImageIT (run by `./mvnw -B verify`) reads this file and runs its extract command and its
# ENTRYPOINT on the jar the build just made, so a change here that breaks the image fails the build.

# ---- build: compile, package and split the jar into layers -----------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Only what the Maven build reads (.dockerignore keeps target/ folders and secrets out of the context).
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY content/ content/
COPY bot/ bot/
# The cache mount keeps ~/.m2 (Maven itself and the dependencies) between builds. `package` stops
# before `verify`, so neither the tests nor the formatting check run here: CI runs them.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar bot/target/drill-bot-0.1.0-SNAPSHOT.jar extract --layers --launcher --destination /extracted

# ---- runtime: a JRE, the layers, a non-root user ---------------------------------------------------
FROM eclipse-temurin:17-jre

# A fixed numeric uid/gid, so orchestrators can check "non-root" (Kubernetes runAsNonRoot needs a
# number) and a host folder can be chowned to it. /data belongs to it: the embedded Redis writes its
# AOF there when no REDIS_URL is given. VOLUME comes after the chown so the volume starts with it.
RUN groupadd --gid 10001 drill \
 && useradd --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin drill \
 && mkdir /data \
 && chown 10001:10001 /data
VOLUME /data

WORKDIR /app
# Least to most often changing (the order of the jar's BOOT-INF/layers.idx), so a code change only
# replaces the last, small layer. The files stay root-owned: the application cannot change itself.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./

ENV DRILL_DATA_DIR=/data
# The management endpoints (health); the bot itself only makes outgoing connections.
EXPOSE 8081
USER 10001:10001

# The JRE image is not guaranteed to have curl or wget (Temurin keeps them only "for historical
# reasons", adoptium/containers#255), and starting a JVM for every probe costs memory and seconds. Bash
# is part of the Ubuntu base Temurin builds on, and its /dev/tcp speaks enough HTTP for this: send a
# GET, pass only if the status line says 200 (readiness answers 503 while not ready).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1\\.[01] 200 '"]

# The exploded jar starts with Boot's launcher (faster than `java -jar`, and it is what the layers
# are for). MaxRAMPercentage sizes the heap from the container's memory limit instead of the JVM's
# default quarter; ExitOnOutOfMemoryError lets the restart policy replace a JVM in an unknown state.
# It replaces the base image's entrypoint script, which only imports extra CA certificates when
# USE_SYSTEM_CA_CERTS is set; Drill needs none beyond the JRE's.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
