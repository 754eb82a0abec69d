package dev.odoomcp.odoo;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.apache.xmlrpc.client.XmlRpcClientException;

/**
 * Makes one XML-RPC call over the shared transport and separates the three outcomes: a result,
 * an Odoo fault (returned as {@link Fault} for the caller to interpret), or a failure that is
 * already an {@link OdooException}. Extensions and exceptions stay off: no {@code nil}, no
 * {@code i8}, and above all no deserialized Java objects from a hostile server.
 */
final class XmlRpcCaller {

    /** An XML-RPC fault as Odoo sent it; the string may hold a traceback. */
    record Fault(int code, String string) {}

    /** Either a value or a fault. */
    record Outcome(Object value, Fault fault) {}

    private final XmlRpcClient client;

    XmlRpcCaller(OdooHttp http) {
        this.client = new XmlRpcClient();
        this.client.setTransportFactory(new HttpClientXmlRpcTransport.Factory(client, http, new SecureXml()));
    }

    Outcome call(URI baseUrl, String service, String method, List<Object> params) {
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        try {
            config.setServerURL(baseUrl.resolve("/xmlrpc/2/" + service).toURL());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw OdooFaultTranslator.unusableUrl();
        }
        config.setEnabledForExtensions(false);
        config.setEnabledForExceptions(false);
        config.setEncoding("UTF-8");
        try {
            return new Outcome(client.execute(config, method, params), null);
        } catch (OdooException e) {
            throw e;
        } catch (XmlRpcClientException e) {
            throw OdooFaultTranslator.xmlRpcRejected(e);
        } catch (XmlRpcException e) {
            if (e.getCause() instanceof OdooException inner) {
                throw inner;
            }
            if (e.linkedException != null
                    || e.code == 0 && e.getMessage() != null && e.getMessage().startsWith("Failed")) {
                throw OdooFaultTranslator.xmlRpcRejected(e);
            }
            return new Outcome(null, new Fault(e.code, e.getMessage()));
        } catch (StackOverflowError e) {
            // the parser recurses per level; SecureXml's depth limit should stop it long before
            throw OdooFaultTranslator.nestedTooDeeply("XML-RPC " + method);
        } catch (RuntimeException e) {
            // e.g. the parser's ClassCastException on a string faultCode
            throw OdooFaultTranslator.xmlRpcUnexpectedShape(e);
        }
    }
}
