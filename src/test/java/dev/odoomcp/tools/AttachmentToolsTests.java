package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * upload_attachment, read_attachment and print_document through /mcp on every flavor, with the
 * operator's cap at 64 KB ({@code ODOO_MAX_ATTACHMENT_BYTES}): what Odoo received and stored, the
 * content as JSON and as an embedded resource, stored PDFs per version, and the refusals.
 */
@ToolsServerTest
@TestPropertySource(properties = "odoo.max-attachment-bytes=64KB")
class AttachmentToolsTests extends FakeOdooToolsTest {

    private static final String INVOICE_PDF = "%PDF-1.7 INV/2026/0001";

    /** Hides the base class's start-up: the chatter data of each version. */
    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.perFlavor(flavor -> FakeOdooDatasets.chatter(flavor.major()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anUploadedFileIsAttachedToTheRecordAndReadsBack(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        String base64 = b64("%PDF-1.4 signed by J. Doe");
        JsonNode uploaded = mcp(flavor)
                .call(
                        "upload_attachment",
                        "{\"model\": \"account.move\", \"res_id\": 8, "
                                + "\"name\": \"signed.pdf\", \"content_base64\": \"" + base64.substring(0, 10) + "\\n"
                                + base64.substring(10) + "\"}")
                .ok();
        assertThat(uploaded.path("record").asString()).isEqualTo("INV/2026/0002");
        JsonNode attachment = uploaded.path("attachment");
        assertThat(attachment.path("mimetype").asString()).isEqualTo("application/pdf");
        assertThat(attachment.path("size").asLong()).isEqualTo(25);
        long id = attachment.path("id").asLong();
        FakeOdoo.Call create = odoo.callsTo("ir.attachment", "create").get(0);
        assertThat(flavor.received(create, "vals_list", 0))
                .isEqualTo(List.of(
                        Map.of("name", "signed.pdf", "datas", base64, "res_model", "account.move", "res_id", 8L)));

        JsonNode result = mcp(flavor)
                .call(
                        "read_attachment",
                        "{\"model\": \"account.move\", \"attachment_id\": " + id + ", \"include_content\": true}")
                .raw();
        assertThat(result.path("structuredContent")
                        .path("content")
                        .path("encoding")
                        .asString())
                .isEqualTo("base64");
        assertThat(result.path("structuredContent").path("content").path("data").asString())
                .isEqualTo(base64);
        JsonNode resource = result.path("content").path(1);
        assertThat(resource.path("type").asString()).isEqualTo("resource");
        assertThat(resource.path("resource").path("uri").asString()).isEqualTo("odoo://ir.attachment/" + id);
        assertThat(resource.path("resource").path("mimeType").asString()).isEqualTo("application/pdf");
        assertThat(resource.path("resource").path("blob").asString()).isEqualTo(base64);
    }

    @org.junit.jupiter.api.Test
    void theEmbeddedResourceIsNotPartOfTheStructuredResult() {
        for (JsonNode tool : mcp(Flavor.ODOO_18_XMLRPC).tools()) {
            if (List.of("read_attachment", "print_document")
                    .contains(tool.path("name").asString())) {
                assertThat(tool.path("outputSchema").path("properties").has("resource"))
                        .as(tool.path("name").asString())
                        .isFalse();
                assertThat(tool.path("outputSchema").path("properties").size()).isGreaterThan(3);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aRecordsFilesAreListedAndATextFileReadsAsText(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        JsonNode listed = mcp.call("read_attachment", "{\"model\": \"purchase.order\", \"res_id\": 2}")
                .ok();
        List<Long> ids = listed.path("attachments")
                .valueStream()
                .map(a -> a.path("id").asLong())
                .toList();
        assertThat(ids).containsSubsequence(41L, 31L, 30L);
        JsonNode result = mcp.call(
                        "read_attachment",
                        "{\"model\": \"purchase.order\", \"attachment_id\": 31, " + "\"include_content\": true}")
                .raw();
        JsonNode content = result.path("structuredContent").path("content");
        assertThat(content.path("encoding").asString()).isEqualTo("text");
        assertThat(content.path("data").asString()).isEqualTo("Delivered 25 chairs\nSigned: J. Doe");
        assertThat(result.path("content").path(1).path("resource").path("text").asString())
                .isEqualTo("Delivered 25 chairs\nSigned: J. Doe");
        assertThat(result.path("content").path(1).path("resource").has("blob")).isFalse();
        JsonNode metadataOnly = mcp.call("read_attachment", "{\"model\": \"purchase.order\", \"attachment_id\": 31}")
                .raw();
        assertThat(metadataOnly.path("content")).hasSize(1);
        assertThat(metadataOnly.path("structuredContent").has("content")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void printDocumentReturnsThePdfOdooStoredOrSaysHowToGetOne(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        JsonNode result = mcp(flavor)
                .call("print_document", "{\"model\": \"account.move\", \"res_id\": 7}")
                .raw();
        JsonNode pdf = result.path("structuredContent");
        assertThat(pdf.path("found").asBoolean()).isTrue();
        assertThat(pdf.path("record").asString()).isEqualTo("INV/2026/0001");
        assertThat(pdf.path("source").asString())
                .isEqualTo(flavor.major() >= 17 ? "invoice_pdf_report_id" : "report_attachment");
        assertThat(pdf.path("attachment").path("name").asString()).isEqualTo("INV_2026_0001.pdf");
        assertThat(pdf.path("base64").asString()).isEqualTo(b64(INVOICE_PDF));
        assertThat(result.path("content").path(1).path("resource").path("blob").asString())
                .isEqualTo(b64(INVOICE_PDF));
        assertThat(result.path("content")
                        .path(1)
                        .path("resource")
                        .path("mimeType")
                        .asString())
                .isEqualTo("application/pdf");
        assertThat(odoo.calls())
                .noneMatch(
                        call -> call.method().startsWith("_") || call.method().contains("render"));

        JsonNode none = mcp(flavor)
                .call("print_document", "{\"model\": \"account.move\", \"res_id\": 8, " + "\"include_content\": false}")
                .ok();
        if (!none.path("found").asBoolean()) {
            assertThat(none.path("note").asString())
                    .contains(
                            "does not render report PDFs for API-key",
                            "print or send it once from Odoo",
                            "INV/2026/0002");
            assertThat(none.path("reports").path(0).path("name").asString()).startsWith("Invoice");
        } else {
            // the upload test of this class attached signed.pdf to INV/2026/0002 first
            assertThat(none.path("attachment").path("name").asString()).isEqualTo("signed.pdf");
        }
        JsonNode order = mcp(flavor)
                .call("print_document", "{\"model\": \"sale.order\", \"res_id\": 1}")
                .ok();
        assertThat(order.path("found").asBoolean()).isFalse();
        assertThat(order.path("note").asString()).contains("Print > Quotation / Order");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void refusalsComeBeforeAnythingIsSentOrDownloaded(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        McpClient mcp = mcp(flavor);
        odoo.clearCalls();
        assertThat(mcp.call(
                                "upload_attachment",
                                "{\"model\": \"purchase.order\", \"res_id\": 2, \"name\": \"a.pdf\", "
                                        + "\"content_base64\": \"not base64!!\"}")
                        .error())
                .contains("not valid base64");
        String big = Base64.getEncoder().encodeToString(new byte[70 * 1024]);
        assertThat(mcp.call(
                                "upload_attachment",
                                "{\"model\": \"purchase.order\", \"res_id\": 2, \"name\": \"a.bin\", "
                                        + "\"content_base64\": \"" + big + "\"}")
                        .error())
                .contains("more than the 65536 bytes", "ODOO_MAX_ATTACHMENT_BYTES");
        assertThat(mcp.call(
                                "upload_attachment",
                                "{\"model\": \"purchase.order\", \"res_id\": 2, \"name\": "
                                        + "\"../etc/x\", \"content_base64\": \"QQ==\"}")
                        .error())
                .contains("file name");
        assertThat(mcp.call(
                                "upload_attachment",
                                "{\"model\": \"ir.config_parameter\", \"res_id\": 1, \"name\": "
                                        + "\"x.txt\", \"content_base64\": \"QQ==\"}")
                        .error())
                .contains("is not available through this bridge");
        assertThat(mcp.call(
                                "read_attachment",
                                "{\"model\": \"ir.config_parameter\", \"attachment_id\": 42, "
                                        + "\"include_content\": true}")
                        .error())
                .contains("is not available through this bridge");
        assertThat(odoo.calls()).isEmpty();

        assertThat(mcp.call(
                                "read_attachment",
                                "{\"model\": \"purchase.order\", \"attachment_id\": 41, "
                                        + "\"include_content\": true}")
                        .error())
                .contains("50000000 bytes", "65536", "ODOO_MAX_ATTACHMENT_BYTES");
        assertThat(odoo.callsTo("ir.attachment", "read"))
                .as("the content was never asked for")
                .isEmpty();
        assertThat(mcp.call("read_attachment", "{\"model\": \"purchase.order\", \"attachment_id\": 40}")
                        .error())
                .contains("not attached to a record of purchase.order");
        assertThat(mcp.call("read_attachment", "{\"model\": \"purchase.order\", \"attachment_id\": 42}")
                        .error())
                .as("a file on a denied model is not shown under another model")
                .contains("not attached");
        assertThat(odoo.callsTo("ir.attachment", "create")).isEmpty();

        McpClient readOnly = mcp.with("X-Odoo-Read-Only", "true");
        assertThat(readOnly.toolNames())
                .contains("read_attachment", "print_document")
                .doesNotContain("upload_attachment");
        assertThat(readOnly.call(
                                "upload_attachment",
                                "{\"model\": \"purchase.order\", \"res_id\": 2, \"name\": "
                                        + "\"a.txt\", \"content_base64\": \"QQ==\"}")
                        .error())
                .contains("read-only");
        assertThat(odoo.callsTo("ir.attachment", "create")).isEmpty();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
