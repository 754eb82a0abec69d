package dev.odoomcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Claude Desktop extension: {@code mcpb/manifest.json} validated and packed with the wrapper jar
 * by the official {@code @anthropic-ai/mcpb} CLI into {@code target/odoo-mcp-bridge.mcpb}.
 */
class McpbIT {

    @Test
    void manifestValidatesAndPacks() throws IOException {
        Path stage = Path.of("target/mcpb").toAbsolutePath();
        Files.createDirectories(stage.resolve("server"));
        Files.copy(Path.of("mcpb/manifest.json"), stage.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                Path.of("target/odoo-mcp-wrapper.jar"),
                stage.resolve("server/odoo-mcp-wrapper.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        String cli = NodeTools.module("@anthropic-ai/mcpb/dist/cli/cli.js");
        NodeTools.Run validate = NodeTools.run(
                List.of(
                        NodeTools.node().toString(),
                        cli,
                        "validate",
                        stage.resolve("manifest.json").toString()),
                Map.of(),
                Duration.ofMinutes(1));
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        Path bundle = Path.of("target/odoo-mcp-bridge.mcpb").toAbsolutePath();
        NodeTools.Run pack = NodeTools.run(
                List.of(NodeTools.node().toString(), cli, "pack", stage.toString(), bundle.toString()),
                Map.of(),
                Duration.ofMinutes(1));
        assertThat(pack.exitCode()).as(pack.all()).isZero();
        assertThat(Files.size(bundle)).isGreaterThan(100_000);
    }
}
