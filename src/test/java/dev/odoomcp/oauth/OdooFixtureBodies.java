package dev.odoomcp.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** Bodies of answers recorded from a real Odoo ({@code src/test/resources/odoo-fixtures}), for fakes to replay. */
final class OdooFixtureBodies {

    private OdooFixtureBodies() {}

    /** Odoo 18.0's answer to {@code execute_kw} with a wrong or revoked key: fault 3 "Access Denied". */
    static byte[] wrongKeyExecute() throws IOException {
        try (InputStream in = OdooFixtureBodies.class.getResourceAsStream(
                "/odoo-fixtures/18.0/xmlrpc_fault_wrong_key_execute.json")) {
            return JsonMapper.builder()
                    .build()
                    .readTree(in)
                    .path("response")
                    .path("body")
                    .asString()
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
