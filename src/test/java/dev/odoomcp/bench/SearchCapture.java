package dev.odoomcp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XML-RPC {@code search_read} the bridge sends for the bench's {@code search_records}, captured
 * once through an {@link OdooRecorder}: replayed straight to Odoo by the added-latency figure, made
 * again by the direct client of the CPU figure, and asked of the peers (same fields).
 *
 * @param exchange the request as the bridge sent it
 * @param fields the fields it asks for, in order
 */
record SearchCapture(OdooRecorder.Exchange exchange, List<String> fields) {

    private static final Pattern FIELDS =
            Pattern.compile("<name>fields</name>\\s*<value>\\s*<array>\\s*<data>(.*?)</data>", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("<value>(?:<string>)?([^<]*)(?:</string>)?</value>");

    /** Two calls through a recorder; the second (warm) one's search_read is kept. */
    static SearchCapture of(ServerProcess server, BenchOdoo.Urls fakes) throws Exception {
        LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
        try (OdooRecorder recorder = new OdooRecorder(fakes.zero())) {
            McpRequests.Tenant via = McpRequests.Tenant.bench(recorder.baseUrl());
            for (int i = 0; i < 2; i++) {
                recorder.clear();
                String failure = load.send(McpRequests.searchPartners(server.mcp(), via, i + 1), McpRequests::isResult);
                if (failure != null) {
                    throw new IllegalStateException("Capturing the search: the call failed: " + failure);
                }
            }
            List<OdooRecorder.Exchange> warm = recorder.exchanges();
            OdooRecorder.Exchange search = warm.stream()
                    .filter(e -> e.text().contains("search_read"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No search_read among " + warm.size() + " requests of a warm search_records"));
            return new SearchCapture(search, fieldsOf(search.text()));
        }
    }

    static List<String> fieldsOf(String xml) {
        Matcher block = FIELDS.matcher(xml);
        List<String> fields = new ArrayList<>();
        if (block.find()) {
            Matcher s = STRING.matcher(block.group(1));
            while (s.find()) {
                fields.add(s.group(1));
            }
        }
        return List.copyOf(fields);
    }

    /** The fields as a JSON array, for a peer's tool arguments. */
    String fieldsJson() {
        return "[" + String.join(",", fields.stream().map(f -> "\"" + f + "\"").toList()) + "]";
    }
}
