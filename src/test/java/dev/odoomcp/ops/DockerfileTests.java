package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Dockerfile's promises that need no Docker engine to check. */
class DockerfileTests {

    private final List<String> lines = Files.readAllLines(Path.of("Dockerfile"));

    DockerfileTests() throws IOException {}

    @Test
    void baseImagesArePinnedJdkAndJre25WithAMavenWrapperBuild() {
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).matches("FROM eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jdk-noble AS build");
        assertThat(from.get(1)).matches("FROM eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jre-noble");
        assertThat(String.join("\n", lines))
                .contains("./mvnw -B -DskipTests -DskipITs package", "-Djarmode=tools", "extract --destination /app");
    }

    @Test
    void runsAsNonRootOnPortWithHealthCheckAndAotCache() {
        String text = String.join("\n", lines);
        String user =
                lines.stream().filter(l -> l.startsWith("USER ")).findFirst().orElseThrow();
        assertThat(user).doesNotContain("root").matches("USER [1-9]\\d*(:[1-9]\\d*)?");
        assertThat(text)
                .contains(
                        "PORT=8080",
                        "EXPOSE 8080",
                        "HEALTHCHECK",
                        "/health",
                        "LOG_FORMAT=ecs",
                        "-XX:AOTCacheOutput=app.aot",
                        "-Dspring.context.exit=onRefresh",
                        "\"-XX:AOTCache=app.aot\"");
        // the AOT training run must happen with the same options as the ENTRYPOINT: after the ENV line
        assertThat(text.indexOf("ENV JAVA_TOOL_OPTIONS")).isLessThan(text.indexOf("-XX:AOTCacheOutput"));
        assertThat(text.indexOf("-XX:AOTCacheOutput")).isLessThan(text.indexOf("USER "));
    }

    @Test
    void jvmOptionsSuitA512MegabyteOneCpuInstance() {
        List<String> options = lines.stream()
                .filter(l -> l.startsWith("ENV JAVA_TOOL_OPTIONS="))
                .toList();
        assertThat(options)
                .as("exactly one JAVA_TOOL_OPTIONS line, read by bench/footprint.sh")
                .hasSize(1);
        assertThat(options.get(0))
                .contains(
                        "-XX:MaxRAMPercentage=",
                        "-XX:+UseSerialGC",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Xss",
                        "-Djdk.serialFilter=!*")
                .doesNotContain("-Xmx");
    }

    @Test
    void dockerignoreKeepsTheContextToTheBuildInputs() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignore).contains("*", "!.mvn/", "!mvnw", "!pom.xml", "!src/");
    }
}
