package dev.odoomcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs in CI, so the Dockerfile is at least linted by {@code dockerfile-utils}
 * (the linter behind VS Code's Docker support): every instruction well-formed, no error or warning.
 * What the image runs is checked by {@code ContainerIT}.
 */
class DockerfileLintIT {

    @Test
    void dockerfileHasNoLintProblems() {
        NodeTools.Run lint = NodeTools.run(
                List.of(
                        NodeTools.node().toString(),
                        NodeTools.module("dockerfile-utils/bin/dockerfile-utils"),
                        "lint",
                        Path.of("Dockerfile").toAbsolutePath().toString()),
                Map.of(),
                Duration.ofMinutes(1));
        assertThat(lint.exitCode()).as(lint.all()).isZero();
        assertThat(lint.stdout()).as("lint findings").isBlank();
    }
}
