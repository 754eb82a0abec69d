package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar run as the Dockerfile runs it: bench/footprint.sh --check reads the Dockerfile's
 * ENV, JAVA_TOOL_OPTIONS, extraction, AOT training, ENTRYPOINT and HEALTHCHECK, runs the jar on JDK 25
 * with the AOT cache required, inside a 512 MB / 1 CPU cgroup where the machine allows one, and fails
 * unless /health, the HEALTHCHECK command, 200 tools/list requests and the JSON log all work and
 * peak RSS stays under 512 MB. Needs the JDK 25 at {@link #JDK} (or JDK25_HOME), bash, curl, python3.
 */
class ContainerIT {

    static final Path JDK = Path.of(System.getenv().getOrDefault("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @Test
    void jarRunsWithTheDockerfileOptionsWithinTheContainerLimits() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(JDK.resolve("bin/java")), "JDK 25 not found at " + JDK);
        Path jar = Path.of("target/odoo-mcp-bridge.jar");
        assertThat(jar).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder =
                new ProcessBuilder("bash", "bench/footprint.sh", "--check", jar.toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", JDK.toString());
        builder.environment().put("PORT", Integer.toString(port));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(
                text.lines().filter(l -> !l.contains("[warning][aot]")).reduce("", (a, b) -> a + b + "\n"));
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("container check: OK").contains("-XX:+UseSerialGC", "-Djdk.serialFilter=!*");
    }
}
