package dev.odoomcp.odoo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.hc.core5.http.ContentType;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.XmlRpcRequest;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientException;
import org.apache.xmlrpc.client.XmlRpcHttpClientConfig;
import org.apache.xmlrpc.client.XmlRpcHttpTransport;
import org.apache.xmlrpc.client.XmlRpcTransport;
import org.apache.xmlrpc.client.XmlRpcTransportFactoryImpl;
import org.apache.xmlrpc.common.XmlRpcStreamRequestConfig;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Carries one XML-RPC request over the shared {@link OdooHttp} client (one object per request,
 * as the library expects). The library's own Content-Length, Content-Type and User-Agent headers
 * are dropped (HttpClient sets them from the entity and refuses duplicates); the answer is parsed
 * with a {@link SecureXml} reader.
 */
final class HttpClientXmlRpcTransport extends XmlRpcHttpTransport {

    private final OdooHttp http;
    private final SecureXml xml;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private URI uri;
    private byte[] requestBody;
    private XMLReader reader;

    HttpClientXmlRpcTransport(XmlRpcClient client, OdooHttp http, SecureXml xml) {
        super(client, "odoo-mcp-bridge");
        this.http = http;
        this.xml = xml;
    }

    /** One transport per request, sharing the pooled HTTP client and the parser factory. */
    static final class Factory extends XmlRpcTransportFactoryImpl {
        private final OdooHttp http;
        private final SecureXml xml;

        Factory(XmlRpcClient client, OdooHttp http, SecureXml xml) {
            super(client);
            this.http = http;
            this.xml = xml;
        }

        @Override
        public XmlRpcTransport getTransport() {
            return new HttpClientXmlRpcTransport(getClient(), http, xml);
        }
    }

    @Override
    public Object sendRequest(XmlRpcRequest request) throws XmlRpcException {
        XmlRpcHttpClientConfig config = (XmlRpcHttpClientConfig) request.getConfig();
        try {
            uri = config.getServerURL().toURI();
        } catch (URISyntaxException e) {
            throw new XmlRpcClientException("Invalid server URL", e);
        }
        return super.sendRequest(request);
    }

    @Override
    protected void setRequestHeader(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals("content-length") && !lower.equals("content-type") && !lower.equals("user-agent")) {
            headers.put(name, value);
        }
    }

    @Override
    protected void writeRequest(ReqWriter writer) throws XmlRpcException, IOException, SAXException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        writer.write(out);
        requestBody = out.toByteArray();
    }

    @Override
    protected InputStream getInputStream() {
        HttpReply reply = http.post(uri, headers, requestBody, ContentType.create("text/xml", StandardCharsets.UTF_8));
        if (reply.status() != 200 || reply.isHtml()) {
            throw OdooFaultTranslator.unexpectedHttp(
                    reply,
                    "XML-RPC " + uri.getPath(),
                    "X-Odoo-Url is not the root of an Odoo server, or XML-RPC is disabled there. Check X-Odoo-Url.");
        }
        return new ByteArrayInputStream(reply.body());
    }

    @Override
    protected boolean isResponseGzipCompressed(XmlRpcStreamRequestConfig config) {
        return false;
    }

    @Override
    protected void close() {
        // the reply is fully read into memory; the connection is already back in the pool
    }

    @Override
    protected XMLReader newXMLReader() throws XmlRpcException {
        try {
            reader = xml.borrow();
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new XmlRpcClientException("Cannot create a secure XML parser", e);
        }
    }

    /** Parses with a pooled reader, given back only when the answer parsed cleanly. */
    @Override
    protected Object readResponse(XmlRpcStreamRequestConfig config, InputStream stream) throws XmlRpcException {
        Object result = super.readResponse(config, stream);
        if (reader != null) {
            xml.giveBack(reader);
            reader = null;
        }
        return result;
    }
}
