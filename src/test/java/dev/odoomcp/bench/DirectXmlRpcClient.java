package dev.odoomcp.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;

/**
 * The same {@code search_read} the bridge sends, made by a plain Java XML-RPC client in a JVM of
 * its own: Apache XML-RPC (the library the bridge uses) with its default transport, one client
 * object per thread. What the CPU figure compares the bridge with: a program that talks to Odoo
 * directly also builds the request, sends it and parses the answer into values.
 *
 * <p>{@code DirectXmlRpcClient URL DB UID KEY FIELDS WARMUP CALLS CLIENTS}, FIELDS comma-separated;
 * makes WARMUP calls, then CALLS calls on CLIENTS threads, and prints
 * {@code CPU <ms of process CPU for the measured calls> CALLS <n>}. Only the given (loopback) URL is
 * contacted.
 */
public final class DirectXmlRpcClient {

    private DirectXmlRpcClient() {}

    public static void main(String[] args) throws Exception {
        URI odoo = URI.create(args[0]);
        String db = args[1];
        int uid = Integer.parseInt(args[2]);
        String key = args[3];
        List<String> fields = Arrays.asList(args[4].split(","));
        int warmup = Integer.parseInt(args[5]);
        int calls = Integer.parseInt(args[6]);
        int clients = Integer.parseInt(args[7]);
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        config.setServerURL(odoo.resolve("/xmlrpc/2/object").toURL());
        Object[] params = {
            db, uid, key, "res.partner", "search_read", List.of(List.of()), Map.of("fields", fields, "limit", 50)
        };
        run(config, params, warmup, clients);
        long pid = ProcessHandle.current().pid();
        double before = Machine.cpuMillis(pid);
        run(config, params, calls, clients);
        double after = Machine.cpuMillis(pid);
        System.out.println("CPU " + (after - before) + " CALLS " + calls);
    }

    private static void run(XmlRpcClientConfigImpl config, Object[] params, int calls, int clients) throws Exception {
        ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = calls / clients + (c < calls % clients ? 1 : 0);
                done.add(pool.submit(() -> {
                    XmlRpcClient client = new XmlRpcClient();
                    client.setConfig(config);
                    for (int i = 0; i < share; i++) {
                        Object[] rows = (Object[]) client.execute("execute_kw", params);
                        if (rows.length == 0) {
                            throw new IllegalStateException("search_read answered no records");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
