package dev.odoomcp.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 1: Odoo round trips per tool call, counted by an {@link OdooRecorder} between the bridge
 * and the fake Odoo. Over a real network each round trip is tens of milliseconds and dominates
 * what the user waits, so this is the first figure. Per read tool: a warm call (caches filled by
 * the call before it) against the database with 220 contacts, so that a page of 5 has a next page
 * and the paging paths run; and the first call of a new tenant, request by request.
 */
final class RoundTripFigure {

    /** A read tool call as an AI client sends it, and the round trips it should take when warm. */
    record ToolCall(String label, String tool, String arguments, int expected) {}

    /**
     * Every read tool, with the paging cases of search_records and name_search; the last one asks
     * for the total, which costs its second round trip on purpose.
     */
    static final List<ToolCall> READ_TOOLS = List.of(
            new ToolCall(
                    "search_records, limit 5 of 220 (next page exists)",
                    "search_records",
                    "{\"model\":\"res.partner\",\"limit\":5}",
                    1),
            new ToolCall(
                    "search_records, second page (offset 5)",
                    "search_records",
                    "{\"model\":\"res.partner\",\"limit\":5,\"offset\":5}",
                    1),
            new ToolCall(
                    "search_records, last page (offset 215)",
                    "search_records",
                    "{\"model\":\"res.partner\",\"limit\":5,\"offset\":215}",
                    1),
            new ToolCall(
                    "search_records, all of a small result (20 of 20)",
                    "search_records",
                    "{\"model\":\"res.partner\",\"domain\":[[\"id\",\"<\",100]],\"limit\":50}",
                    1),
            new ToolCall("read_records, 3 ids", "read_records", "{\"model\":\"res.partner\",\"ids\":[100,101,102]}", 1),
            new ToolCall(
                    "count_records",
                    "count_records",
                    "{\"model\":\"res.partner\",\"domain\":[[\"is_company\",\"=\",true]]}",
                    1),
            new ToolCall(
                    "aggregate_records, group by country",
                    "aggregate_records",
                    "{\"model\":\"res.partner\",\"group_by\":[\"country_id\"]}",
                    1),
            new ToolCall(
                    "name_search, limit 5 of the 10 matches",
                    "name_search",
                    "{\"model\":\"res.partner\",\"name\":\"Contact 10\",\"limit\":5}",
                    1),
            new ToolCall(
                    "search_records, limit 5, count_total (total asked for)",
                    "search_records",
                    "{\"model\":\"res.partner\",\"limit\":5,\"count_total\":true}",
                    2));

    private static final Pattern STRING = Pattern.compile("<value>(?:<string>)?([^<]*)(?:</string>)?</value>");
    private static final Pattern METHOD = Pattern.compile("<methodName>([^<]*)</methodName>");

    private final BenchTable table;
    private final ServerProcess server;
    private final BenchOdoo.Urls fakes;
    private final LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
    private long id = 1;

    RoundTripFigure(BenchTable table, ServerProcess server, BenchOdoo.Urls fakes) {
        this.table = table;
        this.server = server;
        this.fakes = fakes;
    }

    /** Measures; returns the round trips of a new tenant's first search_records. */
    int measure() throws Exception {
        try (OdooRecorder recorder = new OdooRecorder(fakes.zero())) {
            McpRequests.Tenant tenant = McpRequests.Tenant.paging(recorder.baseUrl());
            for (ToolCall call : READ_TOOLS) {
                send(call, tenant);
                recorder.clear();
                send(call, tenant);
                List<OdooRecorder.Exchange> warm = recorder.exchanges();
                table.add(
                        1,
                        "warm " + call.label(),
                        warm.size() + " (" + describe(warm) + ")",
                        call.expected() == 1 ? "1" : call.expected() + " (asked for)",
                        warm.size() == call.expected());
            }
        }
        try (OdooRecorder recorder = new OdooRecorder(fakes.zero())) {
            // a new URL: nothing of this tenant is cached yet
            send(READ_TOOLS.get(0), McpRequests.Tenant.paging(recorder.baseUrl()));
            List<OdooRecorder.Exchange> first = recorder.exchanges();
            table.add(1, "first search_records of a new tenant", first.size() + " (" + describe(first) + ")", "", null);
            return first.size();
        }
    }

    /** Round trips of a warm call of each read tool, for the smoke test and other figures. */
    static String describe(List<OdooRecorder.Exchange> exchanges) {
        List<String> names = new ArrayList<>();
        for (OdooRecorder.Exchange e : exchanges) {
            names.add(name(e));
        }
        return String.join(", ", names);
    }

    /** {@code search_read} for an ORM call, {@code authenticate}/{@code version} for common, else the path. */
    static String name(OdooRecorder.Exchange e) {
        String text = e.text();
        if (e.path().endsWith("/xmlrpc/2/object")) {
            List<String> strings = new ArrayList<>();
            Matcher m = STRING.matcher(text);
            while (m.find() && strings.size() < 4) {
                strings.add(m.group(1));
            }
            return strings.size() == 4 ? strings.get(3) : "execute_kw";
        }
        if (e.path().startsWith("/xmlrpc/")) {
            Matcher m = METHOD.matcher(text);
            return m.find() ? m.group(1) : e.path();
        }
        return e.path();
    }

    private void send(ToolCall call, McpRequests.Tenant tenant) {
        URI mcp = server.mcp();
        String failure = load.send(
                McpRequests.toolsCall(mcp, tenant, id++, call.tool(), call.arguments()), McpRequests::isResult);
        if (failure != null) {
            throw new IllegalStateException("Round-trip figure: " + call.label() + " failed: " + failure);
        }
    }
}
