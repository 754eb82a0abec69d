package dev.odoomcp.security;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits' one connection to Redis (Lettuce, shared by all threads) and whether Redis answers.
 * Every command has the short {@code REDIS_TIMEOUT}; a command that fails or times out switches the
 * instance to its own limits at once, and a probe ({@code PING} every second, on one daemon thread)
 * switches it back as soon as Redis answers, so no request ever waits for a Redis that is down. Each
 * change of state is one WARN line, never one per request; the password is never printed.
 */
final class RedisLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final ClientResources resources;
    private final RedisClient client;
    private final String where;
    private final java.util.List<String> secrets;
    private final Duration probeEvery;
    private final AtomicBoolean up = new AtomicBoolean();
    private final ScheduledExecutorService prober;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;

    RedisLink(LimitBackendProperties settings, Duration probeEvery) {
        this.where = settings.where();
        this.secrets = secrets(URI.create(settings.url()));
        this.probeEvery = probeEvery;
        // Reconnect every second, not Lettuce's default back-off to 30 s: the limits should come back quickly.
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.constant(Duration.ofSeconds(1)))
                .build();
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(settings.timeout());
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
        RuntimeException failure = connect();
        if (failure == null) {
            up.set(true);
            log.info("Limits are cluster-wide: Redis at {} answers.", where);
        } else {
            log.warn(
                    "Redis at {} does not answer ({}): this instance applies its own limits until it does; "
                            + "checked every {}.",
                    where,
                    describe(failure),
                    KeyedLimiter.human(probeEvery));
        }
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "limits-redis-probe");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(this::probe, probeEvery.toMillis(), probeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the limits are cluster-wide now. */
    boolean up() {
        return up.get();
    }

    /** The connection while Redis answers, else null (use the local limits). */
    StatefulRedisConnection<byte[], byte[]> connection() {
        return up.get() ? connection : null;
    }

    /** Runs {@code command} if Redis answers; its failure is ignored (it must be harmless, like a release). */
    void whenUp(Consumer<StatefulRedisConnection<byte[], byte[]>> command) {
        StatefulRedisConnection<byte[], byte[]> redis = connection();
        if (redis != null) {
            try {
                command.accept(redis);
            } catch (RuntimeException ignored) {
                // a lost release: the lease runs out instead
            }
        }
    }

    /** A command failed or timed out: local limits from now on, until the probe finds Redis again. */
    void failed(RuntimeException cause) {
        if (up.compareAndSet(true, false)) {
            log.warn(
                    "Redis at {} did not answer ({}): each instance applies its own limits until it answers again "
                            + "(checked every {}), so N instances allow up to N times a tenant's budget meanwhile.",
                    where,
                    describe(cause),
                    KeyedLimiter.human(probeEvery));
        }
    }

    private void probe() {
        try {
            if (connection == null) {
                RuntimeException failure = connect();
                if (failure != null) {
                    return;
                }
            }
            if ("PONG".equals(connection.sync().ping()) && up.compareAndSet(false, true)) {
                log.warn("Redis at {} answers again: the limits are cluster-wide again.", where);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private RuntimeException connect() {
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        for (String secret : secrets) {
            text = text.replace(secret, "***");
        }
        return text;
    }

    /** The user info of the URL and its password, raw and decoded: never in a log line. */
    private static java.util.List<String> secrets(URI url) {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String info : new String[] {url.getRawUserInfo(), url.getUserInfo()}) {
            if (info != null && !info.isEmpty()) {
                found.add(info);
                int colon = info.indexOf(':');
                if (colon >= 0 && colon < info.length() - 1) {
                    found.add(info.substring(colon + 1));
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        prober.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
