package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Tenant isolation under load: 20 tenants (10 databases on an Odoo 18 fake over XML-RPC, 10 on an
 * Odoo 19 fake over JSON-2, each with its own key and its own recognisable partners, emails ending
 * in {@code @<db>.example.com}) and 10,000 interleaved {@code tools/call} requests from 32 threads.
 * Every answer must carry only its own tenant's data, and every request made with another
 * tenant's key (same login, same uid, same server) must fail: no uid, metadata or result cached for
 * one tenant may serve another. Run against one instance and against a cluster behind a balancer.
 */
final class IsolationSoak {

    private static final int TENANTS_PER_SERVER = 10;
    private static final int REQUESTS = 10_000;
    private static final int THREADS = 32;

    private IsolationSoak() {}

    private record Tenant(FakeOdoo odoo, String db, String key) {
        String domain() {
            return "@" + db + ".example.com";
        }
    }

    /** Runs the soak against the bridge behind {@code bridge} ({@code where} names it in the summary line). */
    static void run(McpClient bridge, String where) throws Exception {
        FakeOdoo.Builder v18 = FakeOdoo.builder().version("18.0");
        FakeOdoo.Builder v19 = FakeOdoo.builder().version("19.0");
        for (int i = 0; i < TENANTS_PER_SERVER; i++) {
            v18.database(db(i), FakeOdooDatasets.demoCompany(db(i), "admin", key(i)));
            v19.database(
                    db(i + TENANTS_PER_SERVER),
                    FakeOdooDatasets.demoCompany(db(i + TENANTS_PER_SERVER), "admin", key(i + TENANTS_PER_SERVER)));
        }
        try (FakeOdoo odoo18 = v18.start();
                FakeOdoo odoo19 = v19.start()) {
            List<Tenant> tenants = new ArrayList<>();
            for (int i = 0; i < 2 * TENANTS_PER_SERVER; i++) {
                tenants.add(new Tenant(i < TENANTS_PER_SERVER ? odoo18 : odoo19, db(i), key(i)));
            }
            run(bridge, where, tenants);
        }
    }

    private static void run(McpClient bridge, String where, List<Tenant> tenants) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < REQUESTS; n = next.getAndIncrement()) {
                    Tenant tenant = tenants.get((n * 7 + n / 20) % tenants.size());
                    if (n % 10 == 3) {
                        // another tenant's key on this tenant's database: same login, same uid 2
                        Tenant other = tenants.get((tenants.indexOf(tenant) + 1 + n % 5) % tenants.size());
                        checkRefused(bridge, tenant, other.key(), violations);
                        refused.incrementAndGet();
                    } else {
                        checkOwnData(bridge, tenant, n, violations);
                        served.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf(
                "Isolation soak (%s): %d tools/call requests (%d served, %d foreign-key refusals) for %d tenants "
                        + "on %d threads in %d ms (%.0f requests/s)%n",
                where,
                served.get() + refused.get(),
                served.get(),
                refused.get(),
                tenants.size(),
                THREADS,
                millis,
                (served.get() + refused.get()) * 1000.0 / millis);
        assertThat(violations).as("isolation violations").isEmpty();
        assertThat(served.get() + refused.get()).isEqualTo(REQUESTS);
    }

    private static void checkOwnData(McpClient bridge, Tenant tenant, int n, ConcurrentLinkedQueue<String> violations) {
        String args = n % 2 == 0
                ? "{\"model\":\"res.partner\",\"fields\":[\"email\"],\"limit\":50}"
                : "{\"model\":\"res.partner\",\"fields\":[\"email\",\"name\"],\"domain\":[[\"is_company\",\"=\",true]]}";
        McpClient.Reply reply = bridge.callTool("search_records", args, headers(tenant, tenant.key()));
        if (reply.status() != 200 || reply.isToolError()) {
            violations.add(tenant.db() + ": own request failed: " + reply.body());
            return;
        }
        JsonNode records = reply.result().path("structuredContent").path("records");
        if (records.isEmpty()) {
            violations.add(tenant.db() + ": no records in " + reply.body());
        }
        for (JsonNode record : records) {
            String email = record.path("email").asString("");
            if (!email.endsWith(tenant.domain())) {
                violations.add(tenant.db() + ": foreign record " + email);
            }
        }
        if (!reply.text().contains(tenant.domain())) {
            violations.add(tenant.db() + ": text block lacks own data");
        }
    }

    private static void checkRefused(
            McpClient bridge, Tenant tenant, String foreignKey, ConcurrentLinkedQueue<String> violations) {
        McpClient.Reply reply = bridge.callTool(
                "search_records", "{\"model\":\"res.partner\",\"fields\":[\"email\"]}", headers(tenant, foreignKey));
        if (!reply.isToolError() || reply.body().contains(".example.com")) {
            violations.add(tenant.db() + ": request with a foreign key was answered: " + reply.body());
        }
    }

    private static Map<String, String> headers(Tenant tenant, String key) {
        return McpClient.odoo(tenant.odoo().baseUrl(), tenant.db(), "admin", key);
    }

    private static String db(int i) {
        return String.format("tenant%02d", i);
    }

    private static String key(int i) {
        return String.format("soak-key-%02d-%08x", i, (i + 1) * 0x9E3779B1L & 0xffffffffL);
    }
}
