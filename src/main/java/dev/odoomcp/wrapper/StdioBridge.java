package dev.odoomcp.wrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wrapper's core: reads newline-delimited JSON-RPC from stdin, forwards each message at once
 * (answers may come back in any order), and at end of input waits — bounded — for what is still
 * in flight. Owns its threads and HTTP client; {@link #run} returns the process exit code.
 */
final class StdioBridge {

    /** How long past the request timeout end of input waits for answers still in flight. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

    private final WrapperConfig config;
    private final WrapperLog log;
    private final LineWriter out;
    private final JsonCodec codec = new JsonCodec();
    private final String version;

    StdioBridge(WrapperConfig config, OutputStream stdout, WrapperLog log, String version) {
        this.config = config;
        this.log = log;
        this.out = new LineWriter(stdout, log);
        this.version = version;
    }

    int run(InputStream stdin) {
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("odoo-mcp-wrapper-io"));
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(daemonThreads("odoo-mcp-wrapper-timer"));
        try {
            HttpClient client = HttpClient.newBuilder()
                    .executor(workers)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(
                            config.timeout().compareTo(Duration.ofSeconds(10)) < 0
                                    ? config.timeout()
                                    : Duration.ofSeconds(10))
                    .build();
            Faults faults = new Faults(config.endpoint(), config.timeout(), config.hasAccessToken());
            Exchange.Context context = new Exchange.Context(codec, out, new SessionState(), faults, log);
            HttpForwarder forwarder = new HttpForwarder(config, client, context, workers, timer, version);
            Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
            readAll(stdin, forwarder, inFlight);
            drain(inFlight);
            return 0;
        } finally {
            timer.shutdownNow();
            workers.shutdownNow();
        }
    }

    private void readAll(InputStream stdin, HttpForwarder forwarder, Set<CompletableFuture<Void>> inFlight) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    dispatch(line, forwarder, inFlight);
                }
            }
            log.debug(() -> "stdin closed; " + inFlight.size() + " message(s) still in flight");
        } catch (IOException e) {
            log.warn("Cannot read stdin any more: " + e.getMessage());
        }
    }

    private void dispatch(String line, HttpForwarder forwarder, Set<CompletableFuture<Void>> inFlight) {
        JsonRpcMessage message;
        try {
            message = codec.parseObject(line);
        } catch (JsonCodec.InvalidJsonException e) {
            log.warn("Ignored a line from the MCP client that is not a JSON-RPC message: " + e.getMessage());
            out.writeLine(
                    e.syntax()
                            ? codec.errorResponse(null, Faults.PARSE_ERROR, "Parse error: the line is not valid JSON.")
                            : codec.errorResponse(
                                    null,
                                    Faults.INVALID_REQUEST,
                                    "Invalid Request: expected one JSON-RPC message object per line."));
            return;
        }
        CompletableFuture<Void> done = forwarder.forward(message);
        inFlight.add(done);
        done.whenComplete((ignored, error) -> inFlight.remove(done));
    }

    private void drain(Set<CompletableFuture<Void>> inFlight) {
        if (inFlight.isEmpty()) {
            return;
        }
        Duration limit = config.timeout().plus(DRAIN_GRACE);
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Stopped waiting for " + inFlight.size() + " answer(s) still in flight.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
