package dev.odoomcp.odoo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;

/**
 * Makes one XML-RPC call over the shared {@link OdooHttp} client and separates the three outcomes:
 * a result (as JSON), an Odoo fault (returned for the caller to interpret), or a failure that is
 * already an {@link OdooException}. The wire format is {@link XmlRpcWire}'s: plain XML-RPC only, no
 * {@code nil}, no {@code i8}, and never a Java object from a hostile server.
 */
final class XmlRpcCaller {

    private static final ContentType TEXT_XML = ContentType.create("text/xml", StandardCharsets.UTF_8);

    private final OdooHttp http;
    private final XmlRpcWire wire;

    XmlRpcCaller(OdooHttp http) {
        this.http = http;
        this.wire = new XmlRpcWire(new SecureXml());
    }

    XmlRpcWire.Outcome call(URI baseUrl, String service, String method, List<Object> params) {
        URI uri;
        try {
            uri = baseUrl.resolve("/xmlrpc/2/" + service);
            uri.toURL();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw OdooFaultTranslator.unusableUrl();
        }
        HttpReply reply = http.post(uri, Map.of(), XmlRpcWire.request(method, params), TEXT_XML);
        if (reply.status() != 200 || reply.isHtml()) {
            throw OdooFaultTranslator.unexpectedHttp(reply, "XML-RPC " + uri.getPath(),
                    "X-Odoo-Url is not the root of an Odoo server, or XML-RPC is disabled there. Check X-Odoo-Url.");
        }
        try {
            return wire.parse(reply.body());
        } catch (XmlRpcWire.Rejected e) {
            throw OdooFaultTranslator.xmlRpcRejected(e.getMessage());
        }
    }
}
