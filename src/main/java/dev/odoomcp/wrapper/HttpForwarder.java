package dev.odoomcp.wrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * POSTs one client message to the MCP endpoint and turns whatever comes back — JSON, an event
 * stream, 202, an HTTP error, silence — into lines on stdout via an {@link Exchange}.
 */
final class HttpForwarder {

    static final long MAX_BODY_BYTES = 64L << 20;
    private static final String EVENT_STREAM = "text/event-stream";

    private final WrapperConfig config;
    private final HttpClient client;
    private final Exchange.Context context;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final String userAgent;

    HttpForwarder(
            WrapperConfig config,
            HttpClient client,
            Exchange.Context context,
            Executor workers,
            ScheduledExecutorService timer,
            String version) {
        this.config = config;
        this.client = client;
        this.context = context;
        this.workers = workers;
        this.timer = timer;
        this.userAgent = "odoo-mcp-wrapper/" + version;
    }

    /** Sends {@code message}; the future completes once everything about it has been written. */
    CompletableFuture<Void> forward(JsonRpcMessage message) {
        Exchange exchange = new Exchange(message, context);
        HttpRequest request = request(message);
        context.log()
                .debug(() -> "-> POST " + config.endpoint() + " " + exchange.describe() + " headers "
                        + redactedHeaders(request));
        CompletableFuture<HttpResponse<InputStream>> sent =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        ScheduledFuture<?> deadline = timer.schedule(
                () -> {
                    exchange.expire();
                    sent.cancel(true);
                },
                config.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return sent.thenAcceptAsync(response -> handle(exchange, response), workers)
                .exceptionally(error -> {
                    Throwable cause =
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    context.log().debug(() -> "   " + exchange.describe() + " failed: " + cause);
                    exchange.fail(
                            Faults.INTERNAL_ERROR,
                            exchange.expired()
                                    ? context.faults().timedOut()
                                    : context.faults().unreachable(cause));
                    return null;
                })
                .whenComplete((ignored, error) -> deadline.cancel(false));
    }

    private HttpRequest request(JsonRpcMessage message) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(message.json(), StandardCharsets.UTF_8));
        if ("http".equalsIgnoreCase(config.endpoint().getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain HTTP
        }
        config.headers().forEach(builder::header);
        String protocol = context.session().protocolVersion();
        if (protocol != null) {
            builder.header("MCP-Protocol-Version", protocol);
        }
        String session = context.session().sessionId();
        if (session != null) {
            builder.header("Mcp-Session-Id", session);
        }
        return builder.build();
    }

    private void handle(Exchange exchange, HttpResponse<InputStream> response) {
        int status = response.statusCode();
        String type = mediaType(response);
        response.headers().firstValue("Mcp-Session-Id").ifPresent(context.session()::sessionId);
        context.log().debug(() -> "<- HTTP " + status + " " + type + " for " + exchange.describe());
        try (InputStream body = response.body()) {
            exchange.reading(body);
            if (status >= 200 && status < 300 && type.equals(EVENT_STREAM)) {
                readEvents(exchange, body, status);
            } else if (status >= 200 && status < 300) {
                readJson(exchange, body, status, type);
            } else {
                readFailure(
                        exchange,
                        body,
                        status,
                        response.headers().firstValue("Location").orElse(null));
            }
        } catch (IOException e) {
            if (!exchange.expired()) {
                exchange.fail(Faults.INTERNAL_ERROR, context.faults().unreachable(e));
            }
        }
        exchange.finish(status);
    }

    private void readEvents(Exchange exchange, InputStream body, int status) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        try {
            SseReader.read(reader, MAX_BODY_BYTES, data -> {
                try {
                    exchange.emitJson(data);
                } catch (JsonCodec.InvalidJsonException e) {
                    exchange.fail(Faults.INTERNAL_ERROR, context.faults().garbage(status, EVENT_STREAM));
                }
            });
        } catch (SseReader.EventTooLargeException e) {
            exchange.fail(Faults.INTERNAL_ERROR, context.faults().tooLarge(MAX_BODY_BYTES));
        }
    }

    private void readJson(Exchange exchange, InputStream body, int status, String type) throws IOException {
        byte[] bytes = body.readNBytes((int) MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            exchange.fail(Faults.INTERNAL_ERROR, context.faults().tooLarge(MAX_BODY_BYTES));
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return; // 202 Accepted for a notification; a request still unanswered is reported by finish
        }
        try {
            exchange.emitJson(text);
        } catch (JsonCodec.InvalidJsonException e) {
            exchange.fail(Faults.INTERNAL_ERROR, context.faults().garbage(status, type));
        }
    }

    /** Non-2xx: forward a JSON-RPC error body as is; otherwise explain the status. */
    private void readFailure(Exchange exchange, InputStream body, int status, String location) throws IOException {
        byte[] bytes = body.readNBytes(1 << 20);
        if (exchange.request().expectsResponse()) {
            try {
                context.codec().parseMessages(new String(bytes, StandardCharsets.UTF_8)).stream()
                        .filter(JsonRpcMessage::response)
                        .forEach(exchange::emit);
            } catch (JsonCodec.InvalidJsonException e) {
                // not JSON-RPC (an HTML error page, a proxy's text): explained below
            }
        }
        if (!exchange.answered()) {
            exchange.fail(Faults.INTERNAL_ERROR, context.faults().status(status, location));
        }
    }

    private static String mediaType(HttpResponse<?> response) {
        String value = response.headers().firstValue("Content-Type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private String redactedHeaders(HttpRequest request) {
        return request.headers().map().entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecretHeader(e.getKey()) ? "***" : String.join(",", e.getValue())))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static boolean isSecretHeader(String name) {
        return name.equalsIgnoreCase("X-Odoo-Api-Key")
                || name.equalsIgnoreCase("X-MCP-Token")
                || name.equalsIgnoreCase("Authorization");
    }
}
