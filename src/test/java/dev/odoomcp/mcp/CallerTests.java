package dev.odoomcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.odoo.OdooErrorKind;
import dev.odoomcp.odoo.OdooException;
import dev.odoomcp.ops.RequestTrace;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** What a handler gets of the request: parsed credentials, never a header map that could print the key. */
class CallerTests {

    private static final String KEY = "key-that-must-never-print-0123";

    @Test
    void neitherTheCallerNorTheRequestContextPrintsTheKey() {
        OdooCredentials credentials =
                new OdooCredentials(URI.create("https://acme.odoo.com"), "acme", "admin", KEY, Optional.empty());
        Caller caller = Caller.with(credentials, false, "ip:127.0.0.1");
        McpRequestContext context = new McpRequestContext(
                "2025-11-25", JsonNodeFactory.instance.objectNode(), caller, RequestTrace.detached());
        assertThat(caller.toString()).doesNotContain(KEY).contains("acme.odoo.com");
        assertThat(context.toString()).doesNotContain(KEY);
        assertThat(caller.requireCredentials()).isSameAs(credentials);
    }

    @Test
    void aCallerWithoutCredentialsSaysWhyOnlyWhenAHandlerNeedsThem() {
        OdooException missing = new OdooException(OdooErrorKind.INVALID_CREDENTIALS, "Header X-Odoo-Url is missing.");
        Caller caller = Caller.without(missing, true, "token:acme");
        assertThat(caller.optionalCredentials()).isEmpty();
        assertThatThrownBy(caller::requireCredentials).isSameAs(missing);
    }

    @Test
    void readOnlyWordsAreTheUsualOnesAndAnythingElseIsRefused() {
        for (String yes : new String[] {"true", "1", "yes", "on", " ON "}) {
            assertThat(CallerResolver.readOnly(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "0", "no", "off", "", null}) {
            assertThat(CallerResolver.readOnly(no)).as(String.valueOf(no)).isFalse();
        }
        assertThatThrownBy(() -> CallerResolver.readOnly("y"))
                .isInstanceOfSatisfying(
                        McpException.class, e -> assertThat(e.code()).isEqualTo(JsonRpcError.INVALID_PARAMS));
    }
}
