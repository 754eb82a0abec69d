package dev.odoomcp.odoo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learns which Odoo version sits at a URL, with the cheapest probe available, and remembers it per
 * URL for a few minutes: {@code GET /web/version} (19.0+), else XML-RPC {@code version()}, or, when
 * JSON-2 is forced on a server without {@code /web/version}, {@code /web/webclient/version_info}.
 * Versions are public facts about a server, so one tenant's answer may serve another on the same URL.
 */
final class ServerDetector {

    private final OdooHttp http;
    private final XmlRpcCaller xmlRpc;
    private final JsonMapper json;
    private final Cache<URI, OdooVersion> versions;

    ServerDetector(OdooHttp http, XmlRpcCaller xmlRpc, JsonMapper json, OdooProperties props) {
        this.http = http;
        this.xmlRpc = xmlRpc;
        this.json = json;
        this.versions = Caffeine.newBuilder()
                .maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.versionCacheTtl())
                .build();
    }

    /** The protocol to use: the forced one, else JSON-2 where the server has it. */
    static OdooProtocol protocolFor(OdooVersion version, Optional<OdooProtocol> forced) {
        return forced.orElse(version.hasJson2() ? OdooProtocol.JSON2 : OdooProtocol.XMLRPC);
    }

    OdooVersion version(URI url, Optional<OdooProtocol> forced) {
        OdooVersion cached = versions.getIfPresent(url);
        if (cached != null) {
            return cached;
        }
        OdooVersion found = forced.filter(p -> p == OdooProtocol.XMLRPC).isPresent()
                ? fromXmlRpc(url)
                : fromWebVersion(url).orElseGet(() -> forced.isPresent() ? fromVersionInfo(url) : fromXmlRpc(url));
        versions.put(url, found);
        return found;
    }

    private Optional<OdooVersion> fromWebVersion(URI url) {
        HttpReply reply = http.get(url.resolve("/web/version"), Map.of("Accept", "application/json"));
        if (reply.status() != 200 || !reply.isJson()) {
            return Optional.empty(); // before 19.0, or a proxy page: ask the protocol itself
        }
        JsonNode node = parse(reply, "/web/version");
        return Optional.of(versionFrom(node.path("version"), node.path("version_info")));
    }

    private OdooVersion fromVersionInfo(URI url) {
        byte[] body =
                "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{},\"id\":1}".getBytes(StandardCharsets.UTF_8);
        HttpReply reply = http.post(
                url.resolve("/web/webclient/version_info"),
                Map.of("Accept", "application/json"),
                body,
                ContentType.APPLICATION_JSON);
        JsonNode result = parse(reply, "/web/webclient/version_info").path("result");
        return versionFrom(result.path("server_version"), result.path("server_version_info"));
    }

    private OdooVersion fromXmlRpc(URI url) {
        XmlRpcCaller.Outcome outcome = xmlRpc.call(url, "common", "version", List.of());
        if (outcome.fault() != null) {
            throw OdooFaultTranslator.xmlRpcFault(
                    outcome.fault().code(), outcome.fault().string(), "");
        }
        JsonNode node = XmlRpcValues.toJson(outcome.value());
        return versionFrom(node.path("server_version"), node.path("server_version_info"));
    }

    private JsonNode parse(HttpReply reply, String what) {
        if (reply.status() != 200 || !reply.isJson()) {
            throw OdooFaultTranslator.unexpectedHttp(
                    reply, what, "X-Odoo-Url is not the root of an Odoo server. Check X-Odoo-Url.");
        }
        try {
            return json.readTree(reply.body());
        } catch (JacksonException e) {
            throw OdooFaultTranslator.invalidJson(what, e);
        }
    }

    private static OdooVersion versionFrom(JsonNode version, JsonNode info) {
        if (version.isString()) {
            return OdooVersion.parse(version.stringValue());
        }
        if (info.isArray() && info.path(0).canConvertToInt() && info.path(1).canConvertToInt()) {
            return OdooVersion.parse(
                    info.path(0).intValue() + "." + info.path(1).intValue());
        }
        return OdooVersion.parse(null);
    }
}
