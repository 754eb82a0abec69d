package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.DatabaseSpec;
import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.util.function.Consumer;

/**
 * The Odoo versions and wire protocols the tools are tested on: each test class starts one
 * {@link FakeOdoo} per flavor with the demo company in database {@code acme}.
 */
enum Flavor {
    ODOO_16_XMLRPC("16.0", "xmlrpc"),
    ODOO_18_XMLRPC("18.0", "xmlrpc"),
    ODOO_19_JSON2("19.0", "json2");

    static final String DB = "acme";
    static final String LOGIN = "admin";
    static final String KEY = "key-acme-0123456789";

    final String version;
    final String protocol;

    Flavor(String version, String protocol) {
        this.version = version;
        this.protocol = protocol;
    }

    FakeOdoo start() {
        return start(spec -> {});
    }

    /** The demo company plus whatever {@code extra} adds (business methods, users). */
    FakeOdoo start(Consumer<DatabaseSpec> extra) {
        return FakeOdoo.builder()
                .version(version)
                .database(DB, FakeOdooDatasets.demoCompany(DB, LOGIN, KEY).andThen(extra))
                .start();
    }

    /** A client of the demo company's admin on {@code odoo}, forcing this flavor's protocol. */
    McpClient client(int port, FakeOdoo odoo) {
        return McpClient.at(port)
                .protocol(McpClient.REVISION)
                .with(McpClient.odoo(odoo.baseUrl(), DB, LOGIN, KEY))
                .with("X-Odoo-Protocol", protocol);
    }

    boolean json2() {
        return "json2".equals(protocol);
    }

    int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /**
     * What Odoo received for the ORM parameter {@code name}, declared at {@code position}: by name
     * over JSON-2; by position over XML-RPC, where Odoo's overrides rename parameters, so no
     * keyword may carry it.
     */
    Object received(FakeOdoo.Call call, String name, int position) {
        if (json2()) {
            return call.kwargs().get(name);
        }
        assertThat(call.kwargs()).as("keywords of %s", call.method()).doesNotContainKey(name);
        return call.args().get(position);
    }
}
