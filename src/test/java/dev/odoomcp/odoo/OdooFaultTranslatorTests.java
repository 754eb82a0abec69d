package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Table-driven: every recorded Odoo failure and what the bridge makes of it. */
class OdooFaultTranslatorTests {

    private static final Pattern FAULT = Pattern.compile(
            "<name>faultCode</name>\\s*<value><int>(\\d+)</int></value>.*?<name>faultString</name>\\s*<value><string>(.*?)</string>",
            Pattern.DOTALL);

    private static OdooException fromXmlRpcFixture(String version, String name) {
        Matcher m = FAULT.matcher(OdooFixtures.responseBody(version, name));
        assertThat(m.find()).as("fixture %s/%s is a fault", version, name).isTrue();
        String text = m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return OdooFaultTranslator.xmlRpcFault(Integer.parseInt(m.group(1)), text, "acme");
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "18.0 | xmlrpc_fault_missing_model | NOT_FOUND | Model 'no.such.model' does not exist in this Odoo; call list_models",
            "19.0 | xmlrpc_fault_missing_model | NOT_FOUND | Model 'no.such.model' does not exist",
            "18.0 | xmlrpc_fault_unknown_method | NOT_FOUND | Method 'no_such_method' does not exist on model 'res.partner'",
            "19.0 | xmlrpc_fault_unknown_method | NOT_FOUND | Method 'no_such_method' does not exist on model 'res.partner'",
            "18.0 | xmlrpc_fault_access_denied_demo | ACCESS_DENIED | You are not allowed to access 'System Parameter'",
            "19.0 | xmlrpc_fault_private_method | ACCESS_DENIED | Private methods",
            "18.0 | xmlrpc_fault_validation_create_partner | VALIDATION | Contacts require a name",
            "18.0 | xmlrpc_fault_wrong_key_execute | AUTHENTICATION_FAILED | check X-Odoo-Api-Key",
            "18.0 | xmlrpc_fault_bad_domain | SERVER_ERROR | ValueError: Invalid field res.partner.no_such_field",
            "19.0 | xmlrpc_fault_bad_domain | SERVER_ERROR | ValueError: Invalid field res.partner.no_such_field",
            "18.0 | xmlrpc_authenticate_wrong_db | NOT_FOUND | Database 'acme' does not exist on this Odoo server; check X-Odoo-Db",
    })
    void translatesRecordedXmlRpcFaults(String version, String fixture, OdooErrorKind kind, String expected) {
        OdooException e = fromXmlRpcFixture(version, fixture);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(expected).doesNotContain("/opt/").doesNotContain("Traceback")
                .doesNotContain("File \"").doesNotContain("5432");
        assertThat(e.getMessage().length()).isLessThan(700);
    }

    @Test
    void recognisesTheNoneResultMarker() {
        Matcher m = FAULT.matcher(OdooFixtures.responseBody("19.0", "xmlrpc_method_returning_none"));
        assertThat(m.find()).isTrue();
        assertThat(OdooFaultTranslator.isNoneResult(m.group(2))).isTrue();
        assertThat(OdooFaultTranslator.isNoneResult("Access Denied")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "json2_fault_missing_model | NOT_FOUND | Model 'no.such.model' does not exist",
            "json2_fault_unknown_method | NOT_FOUND | Method 'no_such_method' does not exist on model 'res.partner'",
            "json2_fault_access_demo | ACCESS_DENIED | You are not allowed to access 'System Parameter'",
            "json2_fault_bad_args | VALIDATION | cannot call res.partner.search_read with ids",
            "json2_fault_validation | VALIDATION | Contacts require a name",
            "json2_fault_bad_key | AUTHENTICATION_FAILED | check X-Odoo-Api-Key",
    })
    void translatesRecordedJson2Errors(String fixture, OdooErrorKind kind, String expected) {
        JsonNode response = OdooFixtures.load("19.0", fixture).path("response");
        JsonNode body = JsonMapper.builder().build().readTree(response.path("body").asString());
        OdooException e = OdooFaultTranslator.json2Error(response.path("status").asInt(), body.path("name").asString(),
                body.path("message").asString(), "globex");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(expected).doesNotContain("Traceback").doesNotContain("/opt/");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "500 | odoo.exceptions.AccessError | ACCESS_DENIED",
            "500 | odoo.exceptions.MissingError | NOT_FOUND",
            "500 | odoo.exceptions.UserError | VALIDATION",
            "500 | builtins.ValueError | SERVER_ERROR",
            "400 | werkzeug.exceptions.BadRequest | VALIDATION",
            "401 | werkzeug.exceptions.Unauthorized | AUTHENTICATION_FAILED",
            "403 | odoo.exceptions.AccessError | ACCESS_DENIED",
            "404 | werkzeug.exceptions.NotFound | NOT_FOUND",
            "422 | werkzeug.exceptions.UnprocessableEntity | VALIDATION",
            "503 | werkzeug.exceptions.ServiceUnavailable | SERVER_ERROR",
    })
    void mapsJson2ByStatusAndName(int status, String name, OdooErrorKind kind) {
        assertThat(OdooFaultTranslator.json2Error(status, name, "something went wrong", "db").kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "fault {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1 | SERVER_ERROR",
            "2 | VALIDATION",
            "3 | AUTHENTICATION_FAILED",
            "4 | ACCESS_DENIED",
            "99 | SERVER_ERROR",
    })
    void mapsXmlRpcFaultCodes(int code, OdooErrorKind kind) {
        assertThat(OdooFaultTranslator.xmlRpcFault(code, "Something odd", "db").kind()).isEqualTo(kind);
    }

    @Test
    void finalLineDropsTracebackAndPaths() {
        String tb = "Traceback (most recent call last):\n  File \"/srv/odoo/odoo/models.py\", line 1, in f\n    x()\n"
                + "    ^^^\nKeyError: 'missing' in /srv/odoo/odoo/models.py\n";
        assertThat(OdooFaultTranslator.finalLine(tb)).isEqualTo("KeyError: 'missing' in <path>");
    }

    @Test
    void longMessagesAreShortened() {
        OdooException e = OdooFaultTranslator.xmlRpcFault(2, "x".repeat(5000), "db");
        assertThat(e.getMessage().length()).isLessThan(600);
    }
}
