package dev.odoomcp.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A closed-loop HTTP load generator: {@code concurrency} clients, each on a virtual thread (Java 21+;
 * platform threads on 17), send requests back to back until {@code maxRequests} were sent or
 * {@code maxTime} is over. All clients start together. Only what the bench passes in is contacted
 * (loopback addresses).
 */
final class LoadGenerator {

    /**
     * What one run measured.
     *
     * @param latenciesNanos one entry per completed request (successful or not)
     * @param errors requests that failed (I/O error, bad status, or body refused by the check)
     * @param wallNanos from the start signal until the last client finished
     * @param firstError description of the first failure, or null
     */
    record Result(long[] latenciesNanos, int errors, long wallNanos, String firstError) {

        int completed() {
            return latenciesNanos.length;
        }

        double perSecond() {
            return completed() / (wallNanos / 1e9);
        }

        Stats stats() {
            return Stats.ofNanos(latenciesNanos);
        }
    }

    /** The request a client sends: may depend on the client number (e.g. its own session). */
    interface Requests {
        HttpRequest next(int client, int sequence);
    }

    private final HttpClient http;

    LoadGenerator(HttpClient http) {
        this.http = http;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Result run(
            int concurrency, int maxRequests, Duration maxTime, Requests requests, Predicate<HttpResponse<String>> ok) {
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLongArray latencies = new AtomicLongArray(maxRequests);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        ExecutorService executor = clients();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                int client = c;
                futures.add(executor.submit(() -> {
                    go.await();
                    long deadline = start[0] + maxTime.toNanos();
                    int seq;
                    while (System.nanoTime() < deadline && (seq = issued.getAndIncrement()) < maxRequests) {
                        long t0 = System.nanoTime();
                        String failure = send(requests.next(client, seq), ok);
                        latencies.set(done.getAndIncrement(), System.nanoTime() - t0);
                        if (failure != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, failure);
                        }
                    }
                    return null;
                }));
            }
            start[0] = System.nanoTime();
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            long wall = System.nanoTime() - start[0];
            long[] out = new long[done.get()];
            for (int i = 0; i < out.length; i++) {
                out[i] = latencies.get(i);
            }
            return new Result(out, errors.get(), wall, firstError.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** One request, its outcome: null when it succeeded, else what went wrong. */
    String send(HttpRequest request, Predicate<HttpResponse<String>> ok) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (ok.test(response)) {
                return null;
            }
            String body = response.body();
            return "HTTP " + response.statusCode() + ": " + body.substring(0, Math.min(200, body.length()));
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** One request whose answer the caller inspects; I/O failures are thrown. */
    HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Virtual threads where the runtime has them (the bench runs on 25; the smoke test may run on 17). */
    static ExecutorService clients() {
        try {
            return (ExecutorService)
                    Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            return Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "bench-client");
                t.setDaemon(true);
                return t;
            });
        }
    }
}
