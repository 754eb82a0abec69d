package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.odoomcp.security.TargetAddressPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsParserTests {

    private static final String KEY = "0123456789abcdef0123456789abcdef01234567";

    private final CredentialsParser defaults =
            new CredentialsParser(OdooProperties.defaults(), new TargetAddressPolicy(false));

    private static Function<String, String> headers(Map<String, String> values) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(values);
        return map::get;
    }

    private static Map<String, String> valid() {
        Map<String, String> h = new HashMap<>();
        h.put("X-Odoo-Url", "https://acme.odoo.com/");
        h.put("X-Odoo-Db", "acme-prod_1.0");
        h.put("X-Odoo-Username", "admin@acme.com");
        h.put("X-Odoo-Api-Key", KEY);
        return h;
    }

    private OdooException failure(CredentialsParser parser, Map<String, String> h) {
        OdooException e = catchThrowableOfType(OdooException.class, () -> parser.parse(headers(h)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain(KEY);
        return e;
    }

    @Test
    void parsesAndNormalisesValidHeaders() {
        OdooCredentials c = defaults.parse(headers(valid()));
        assertThat(c.url()).hasToString("https://acme.odoo.com");
        assertThat(c.database()).isEqualTo("acme-prod_1.0");
        assertThat(c.username()).isEqualTo("admin@acme.com");
        assertThat(c.apiKey()).isEqualTo(KEY);
        assertThat(c.protocol()).isEmpty();
        assertThat(c.toString()).doesNotContain(KEY);
    }

    @Test
    void keepsAnExplicitPortAndLowercasesSchemeAndHost() {
        Map<String, String> h = valid();
        h.put("X-Odoo-Url", "HTTPS://ERP.Example.COM:8443");
        assertThat(defaults.parse(headers(h)).url()).hasToString("https://erp.example.com:8443");
    }

    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "X-Odoo-Url | | X-Odoo-Url is missing",
                "X-Odoo-Url | acme.odoo.com | X-Odoo-Url must be an absolute http(s) URL",
                "X-Odoo-Url | ftp://acme.odoo.com | X-Odoo-Url must be an absolute http(s) URL",
                "X-Odoo-Url | https://user:pw@acme.odoo.com | must not contain a user name or password",
                "X-Odoo-Url | https://acme.odoo.com/odoo | must be the root address",
                "X-Odoo-Url | https://acme.odoo.com/?db=x | must be the root address",
                "X-Odoo-Url | https:///nohost | X-Odoo-Url",
                "X-Odoo-Url | https://bad host | X-Odoo-Url is not a valid URL",
                "X-Odoo-Url | https://acme.odoo.com:99999 | X-Odoo-Url has port 99999; a port is 1 to 65535",
                "X-Odoo-Url | https://acme.odoo.com:0 | X-Odoo-Url has port 0; a port is 1 to 65535",
                "X-Odoo-Url | https://acme.odoo.com:65536 | X-Odoo-Url has port 65536",
                "X-Odoo-Db | | X-Odoo-Db is missing",
                "X-Odoo-Db | acme prod | X-Odoo-Db must be 1 to 63",
                "X-Odoo-Db | acme/../x | X-Odoo-Db must be 1 to 63",
                "X-Odoo-Db | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | X-Odoo-Db must be 1 to 63",
                "X-Odoo-Api-Key | | X-Odoo-Api-Key is missing",
                "X-Odoo-Api-Key | '   ' | X-Odoo-Api-Key is missing",
                "X-Odoo-Protocol | soap | X-Odoo-Protocol must be",
            })
    void namesTheHeaderAtFault(String header, String value, String expected) {
        Map<String, String> h = valid();
        if (value == null) {
            h.remove(header);
        } else {
            h.put(header, value);
        }
        OdooException e = failure(defaults, h);
        assertThat(e.kind()).isEqualTo(OdooErrorKind.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).contains(expected);
    }

    @Test
    void keyWithControlCharactersIsRefusedWithoutEchoingIt() {
        Map<String, String> h = valid();
        h.put("X-Odoo-Api-Key", KEY + "\u0000evil");
        OdooException e = failure(defaults, h);
        assertThat(e.getMessage()).contains("X-Odoo-Api-Key").doesNotContain("evil");
    }

    @Test
    void overlongKeyAndLoginAreRefused() {
        Map<String, String> h = valid();
        h.put("X-Odoo-Api-Key", "k".repeat(513));
        assertThat(failure(defaults, h).getMessage()).contains("X-Odoo-Api-Key");
        h = valid();
        h.put("X-Odoo-Username", "u".repeat(257));
        assertThat(failure(defaults, h).getMessage()).contains("X-Odoo-Username");
        h.put("X-Odoo-Username", "admin\nX-Injected: 1");
        assertThat(failure(defaults, h).getMessage()).contains("X-Odoo-Username");
    }

    @Test
    void usernameIsOptionalUnlessXmlRpcIsForced() {
        Map<String, String> h = valid();
        h.remove("X-Odoo-Username");
        assertThat(defaults.parse(headers(h)).username()).isNull();
        h.put("X-Odoo-Protocol", "json2");
        assertThat(defaults.parse(headers(h)).protocol()).contains(OdooProtocol.JSON2);
        h.put("X-Odoo-Protocol", "XMLRPC");
        OdooException e = failure(defaults, h);
        assertThat(e.kind()).isEqualTo(OdooErrorKind.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).contains("X-Odoo-Username is required for XML-RPC");
    }

    @Test
    void plainHttpIsRefusedUnlessTheOperatorAllowsIt() {
        Map<String, String> h = valid();
        h.put("X-Odoo-Url", "http://acme.odoo.com");
        OdooException e = failure(defaults, h);
        assertThat(e.kind()).isEqualTo(OdooErrorKind.TARGET_REFUSED);
        assertThat(e.getMessage()).contains("ODOO_ALLOW_HTTP");
        CredentialsParser allowHttp = new CredentialsParser(
                new OdooProperties(null, false, true, null, null, null, null, null, null, null, null, null, null, null),
                new TargetAddressPolicy(false));
        assertThat(allowHttp.parse(headers(h)).url()).hasToString("http://acme.odoo.com");
    }

    @Test
    void hostsOutsideTheAllowListAreRefused() {
        CredentialsParser onlyOnline = new CredentialsParser(
                new OdooProperties(
                        List.of("*.odoo.com"),
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                new TargetAddressPolicy(false));
        assertThat(onlyOnline.parse(headers(valid())).url().getHost()).isEqualTo("acme.odoo.com");
        Map<String, String> h = valid();
        h.put("X-Odoo-Url", "https://erp.example.com");
        OdooException e = failure(onlyOnline, h);
        assertThat(e.kind()).isEqualTo(OdooErrorKind.TARGET_REFUSED);
        assertThat(e.getMessage()).contains("ODOO_ALLOWED_HOSTS");
    }

    @ParameterizedTest
    @CsvSource({
        "https://127.0.0.1",
        "https://10.0.0.8:8069",
        "https://169.254.169.254",
        "https://[::1]",
        "https://[fc00::1]",
        "https://[::ffff:127.0.0.1]",
        "https://100.64.0.1",
        "https://0.0.0.0"
    })
    void privateIpLiteralsAreRefusedAtOnce(String url) {
        Map<String, String> h = valid();
        h.put("X-Odoo-Url", url);
        OdooException e = failure(defaults, h);
        assertThat(e.kind()).isEqualTo(OdooErrorKind.TARGET_REFUSED);
        assertThat(e.getMessage().toLowerCase(Locale.ROOT)).contains("refused");
    }

    @Test
    void invalidIpv4LiteralIsInvalidNotLookedUp() {
        Map<String, String> h = valid();
        h.put("X-Odoo-Url", "https://300.1.1.1");
        assertThat(failure(defaults, h).kind()).isEqualTo(OdooErrorKind.INVALID_CREDENTIALS);
    }
}
