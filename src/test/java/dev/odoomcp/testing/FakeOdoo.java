package dev.odoomcp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process Odoo for tests and benchmarks: a real HTTP server on loopback speaking Odoo's
 * XML-RPC, JSON-2 and version-probe wire formats (as recorded in {@code odoo-fixtures}) over an
 * in-memory ORM with several databases. The request parsing is the fake's own, so it checks the
 * bridge's wire format instead of mirroring it.
 *
 * <pre>{@code
 * try (FakeOdoo odoo = FakeOdoo.builder().version("19.0")
 *         .database("acme", db -> db.user("admin", "key-acme", 2)
 *                 .model("res.partner", "Contact", m -> m.field("name", "char", true)
 *                         .record(Map.of("name", "Azure Interior"))))
 *         .start()) {
 *     URI base = odoo.baseUrl();
 * }
 * }</pre>
 */
public final class FakeOdoo implements AutoCloseable {

    /**
     * One call the fake received, whatever its outcome.
     *
     * @param protocol {@code xmlrpc} or {@code json2}
     * @param db database named by the caller
     * @param login login of the authenticated user, or the login passed to authenticate; null if unknown
     * @param uid uid claimed (XML-RPC) or resolved from the key (JSON-2); null for common calls
     * @param model model, or null for {@code /xmlrpc/2/common} calls
     * @param method ORM method, or {@code version} / {@code authenticate}
     * @param ids record ids of a record method, else null
     * @param args positional arguments after the ids (XML-RPC)
     * @param kwargs named arguments (XML-RPC kwargs or JSON-2 body without ids and context)
     */
    public record Call(
            String protocol,
            String db,
            String login,
            Long uid,
            String model,
            String method,
            List<Long> ids,
            List<Object> args,
            Map<String, Object> kwargs) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Backend backend;
    private final XmlRpcEndpoint xmlrpc;
    private final Json2Endpoint json2;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, HttpHandler> overrides = new ConcurrentHashMap<>();
    private volatile Duration latency;

    private FakeOdoo(Builder b) throws IOException {
        OdooVersion version = OdooVersion.parse(b.version);
        Map<String, FakeDatabase> dbs = new LinkedHashMap<>();
        b.databases.forEach((name, spec) -> dbs.put(name, new FakeDatabase(spec, version)));
        this.backend = new Backend(version, Map.copyOf(dbs), new CallLog());
        this.xmlrpc = new XmlRpcEndpoint(backend);
        this.json2 = new Json2Endpoint(backend, json);
        this.latency = b.latency;
        this.executor = Executors2.forManyWaitingRequests();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>} without trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** All calls so far, oldest first. */
    public List<Call> calls() {
        return backend.log().all();
    }

    public List<Call> callsTo(String model, String method) {
        return backend.log().to(model, method);
    }

    public void clearCalls() {
        backend.log().clear();
    }

    /** Delay added to every request from now on (benchmarks); {@link Duration#ZERO} for none. */
    public void latency(Duration value) {
        this.latency = Objects.requireNonNull(value);
    }

    /** Serves {@code path} (exact match) with {@code handler} instead of the fake's own answer. */
    public void override(String path, HttpHandler handler) {
        overrides.put(path, handler);
    }

    public void removeOverride(String path) {
        overrides.remove(path);
    }

    /**
     * Runs {@code action} on database {@code db}'s records of {@code model} under the database
     * lock, e.g. to assert on what a test wrote: {@code fake.inspect("acme", "res.partner", r -> r.search(...))}.
     */
    public <T> T inspect(String db, String model, java.util.function.Function<FakeRecords, T> action) {
        FakeDatabase database = Objects.requireNonNull(backend.database(db), "no database " + db);
        database.lock().lock();
        try {
            Table t = database.table(model);
            return action.apply(database.orm().records(t, List.copyOf(t.rows().keySet()), null));
        } finally {
            database.lock().unlock();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            pause();
            String path = exchange.getRequestURI().getPath();
            HttpHandler override = overrides.get(path);
            if (override != null) {
                override.handle(exchange);
                return;
            }
            route(exchange, path);
        } catch (RuntimeException e) {
            Http.send(exchange, 500, Http.HTML, "<!doctype html>\n<title>500 Internal Server Error</title>\n");
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        boolean post = exchange.getRequestMethod().equals("POST");
        OdooVersion v = backend.version();
        if (post && (path.equals("/xmlrpc/2/common") || path.equals("/xmlrpc/2/object"))) {
            String service = path.substring("/xmlrpc/2/".length());
            Http.send(
                    exchange,
                    200,
                    Http.XML,
                    xmlrpc.handle(service, exchange.getRequestBody().readAllBytes()));
        } else if (path.equals("/web/version") && v.hasWebVersion()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version_info", v.versionInfo());
            body.put("version", v.serverVersion());
            Http.send(exchange, 200, Http.JSON, json.writeValueAsString(body));
        } else if (post && path.equals("/web/webclient/version_info")) {
            Map<?, ?> request = readJsonObject(exchange);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("jsonrpc", "2.0");
            body.put("id", request.get("id"));
            body.put("result", xmlrpc.versionStruct());
            Http.send(exchange, 200, Http.JSON, json.writeValueAsString(body));
        } else if (path.startsWith("/json/2/") && v.hasJson2() && path.split("/").length == 5) {
            String[] parts = path.split("/");
            json2.handle(exchange, parts[3], parts[4]);
        } else {
            Http.notFound(exchange);
        }
    }

    private Map<?, ?> readJsonObject(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        try {
            return bytes.length == 0 ? Map.of() : json.readValue(bytes, Map.class);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private void pause() {
        Duration d = latency;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Configures a {@link FakeOdoo}: version, databases, latency. */
    public static final class Builder {

        private String version = "18.0";
        private Duration latency = Duration.ZERO;
        private final Map<String, DatabaseSpec> databases = new LinkedHashMap<>();

        private Builder() {}

        /** Version to pretend: {@code 14.0} … {@code 19.0}, {@code saas~18.4}, {@code 18.0+e-20241005}. */
        public Builder version(String value) {
            OdooVersion.parse(value);
            this.version = value;
            return this;
        }

        /** Defines (or extends) database {@code name}. */
        public Builder database(String name, Consumer<DatabaseSpec> definition) {
            definition.accept(databases.computeIfAbsent(name, DatabaseSpec::new));
            return this;
        }

        public Builder latency(Duration value) {
            this.latency = Objects.requireNonNull(value);
            return this;
        }

        /** Builds the databases and starts serving on 127.0.0.1 at a free port. */
        public FakeOdoo start() {
            try {
                return new FakeOdoo(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
