package dev.odoomcp.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bridge as its own operating-system process on loopback, so that the RSS and heap the bench
 * reports are the server's alone: started with chosen JVM options and environment, timed to its
 * first healthy {@code GET /health}, measured through {@code /proc}, and stopped. Public for the tests
 * that need the server in a JVM of its own (e.g. under the container's heap and options).
 */
public final class ServerProcess implements AutoCloseable {

    /**
     * How to launch the bridge (or a peer server).
     *
     * @param java the {@code java} executable (for a peer: its interpreter)
     * @param launch what follows the JVM options: {@code -jar app.jar} or {@code -cp ... MainClass}
     */
    public record Launch(Path java, List<String> launch) {}

    private static final java.util.regex.Pattern HEAP_USED = java.util.regex.Pattern.compile("used (\\d+)K");

    private final Process process;
    private final Path executable;
    private final int port;
    private final long startedNanos;
    private final Path log;

    private ServerProcess(Process process, Path java, int port, long startedNanos, Path log) {
        this.process = process;
        this.executable = java;
        this.port = port;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    public static ServerProcess start(Launch launch, List<String> jvmOptions, Map<String, String> env, Path log)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(jvmOptions);
        command.addAll(launch.launch());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        long t0 = System.nanoTime();
        return new ServerProcess(builder.start(), launch.java(), port, t0, log);
    }

    int port() {
        return port;
    }

    public URI mcp() {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    /** Still running (a JVM that quit on OutOfMemoryError is not). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The executable it was started with (its JDK's {@code jcmd} is beside it). */
    Path java() {
        return executable;
    }

    public long pid() {
        return process.pid();
    }

    /** Polls {@code /health} every 5 ms; the time from process start to its first 200. */
    public Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = LoadGenerator.newClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The bridge exited with " + process.exitValue() + "; see " + log + ":\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("The bridge was not healthy after " + timeout + "; see " + log);
    }

    /** Waits for a process that exits by itself (an AOT training run). */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("The bridge did not exit within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** CPU time the process has used so far (user + system, all threads), from {@code /proc/<pid>/stat}. */
    double cpuMillis() {
        return Machine.cpuMillis(process.pid());
    }

    /** Heap in use now, in MiB, from {@code jcmd <pid> GC.heap_info} of the server's JDK; NaN if unknown. */
    double heapUsedMb() {
        Path jcmd = executable.resolveSibling("jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            java.util.regex.Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Resident set size now, in MiB, from {@code /proc/<pid>/status}. */
    double rssMb() {
        return procStatus("VmRSS:");
    }

    /** Highest resident set size so far, in MiB. */
    public double peakRssMb() {
        return procStatus("VmHWM:");
    }

    private double procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length())
                                    .replace("kB", "")
                                    .trim())
                            / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
