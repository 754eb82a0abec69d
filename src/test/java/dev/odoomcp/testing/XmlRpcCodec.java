package dev.odoomcp.testing;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads {@code <methodCall>} documents with the JDK's DOM parser (DOCTYPE refused) and writes
 * answers byte-for-byte the way Odoo's marshaller does. Independent of the XML-RPC library the
 * bridge uses, so the fake checks the bridge's wire format rather than echoing it.
 */
final class XmlRpcCodec {

    /** A parsed {@code <methodCall>}. */
    record MethodCall(String methodName, List<Object> params) {}

    /** A parsed {@code <fault>}. */
    record Fault(int code, String message) {}

    private XmlRpcCodec() {}

    /** Parses a {@code <methodResponse>}: its value, or a {@link Fault}. Used to compare answers with recordings. */
    static Object parseResponse(byte[] body) {
        try {
            Element root = newBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            Element fault = optionalChild(root, "fault");
            if (fault != null) {
                Map<String, Object> f = struct(child(child(fault, "value"), "struct"));
                return new Fault(((Long) f.get("faultCode")).intValue(), (String) f.get("faultString"));
            }
            return value(child(child(child(root, "params"), "param"), "value"));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not an XML-RPC methodResponse: " + e.getMessage(), e);
        }
    }

    static MethodCall parse(byte[] body) {
        try {
            Element root = newBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!"methodCall".equals(root.getTagName())) {
                throw new IllegalArgumentException("root element is not methodCall");
            }
            Element name = child(root, "methodName");
            List<Object> params = new ArrayList<>();
            Element paramsEl = optionalChild(root, "params");
            if (paramsEl != null) {
                for (Element param : children(paramsEl)) {
                    params.add(value(child(param, "value")));
                }
            }
            return new MethodCall(name.getTextContent().trim(), params);
        } catch (Exception e) {
            throw OdooFault.application("xml.parsers.expat.ExpatError", String.valueOf(e.getMessage()));
        }
    }

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e; // reported as a fault, not printed on stderr
            }
        });
        return builder;
    }

    private static Object value(Element valueEl) {
        List<Element> typed = children(valueEl);
        if (typed.isEmpty()) {
            return valueEl.getTextContent();
        }
        Element t = typed.get(0);
        String text = t.getTextContent();
        return switch (t.getTagName()) {
            case "int", "i4", "i8" -> Long.parseLong(text.trim());
            case "boolean" ->
                switch (text.trim()) {
                    case "1" -> Boolean.TRUE;
                    case "0" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("bad boolean value " + text);
                };
            case "double" -> Double.parseDouble(text.trim());
            case "string", "dateTime.iso8601", "base64" -> text;
            case "nil" -> null;
            case "array" -> array(t);
            case "struct" -> struct(t);
            default -> throw new IllegalArgumentException("unknown XML-RPC type " + t.getTagName());
        };
    }

    private static List<Object> array(Element array) {
        List<Object> out = new ArrayList<>();
        for (Element v : children(child(array, "data"))) {
            out.add(value(v));
        }
        return out;
    }

    private static Map<String, Object> struct(Element struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Element member : children(struct)) {
            out.put(child(member, "name").getTextContent(), value(child(member, "value")));
        }
        return out;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element optionalChild(Element parent, String tag) {
        return children(parent).stream()
                .filter(e -> e.getTagName().equals(tag))
                .findFirst()
                .orElse(null);
    }

    private static Element child(Element parent, String tag) {
        Element e = optionalChild(parent, tag);
        if (e == null) {
            throw new IllegalArgumentException("missing <" + tag + "> in <" + parent.getTagName() + ">");
        }
        return e;
    }

    // ---- writing, mirroring Python's xmlrpc.client.Marshaller as wrapped by Odoo ----

    /** A {@code <methodCall>} as Python's xmlrpc.client writes it (for tests that talk to the fake). */
    static String request(String methodName, List<?> params) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?>\n<methodCall>\n<methodName>")
                .append(escape(methodName))
                .append("</methodName>\n<params>\n");
        for (Object p : params) {
            sb.append("<param>\n");
            write(sb, p);
            sb.append("</param>\n");
        }
        return sb.append("</params>\n</methodCall>\n").toString();
    }

    /** A successful answer. {@code null} (Python None) cannot be marshalled: callers check first. */
    static String response(Object result) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n");
        write(sb, result);
        return sb.append("</param>\n</params>\n\n</methodResponse>\n").toString();
    }

    static String fault(int code, String faultString) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", (long) code);
        fault.put("faultString", faultString);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n");
        write(sb, fault);
        return sb.append("</fault>\n\n</methodResponse>\n").toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            throw new IllegalStateException("cannot marshal None unless allow_none is enabled");
        } else if (v instanceof Boolean b) {
            sb.append("<value><boolean>").append(b ? 1 : 0).append("</boolean></value>\n");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            sb.append("<value><int>").append(v).append("</int></value>\n");
        } else if (v instanceof Double || v instanceof Float) {
            sb.append("<value><double>")
                    .append(pythonRepr(((Number) v).doubleValue()))
                    .append("</double></value>\n");
        } else if (v instanceof CharSequence s) {
            sb.append("<value><string>").append(escape(s.toString())).append("</string></value>\n");
        } else if (v instanceof Map<?, ?> map) {
            sb.append("<value><struct>\n");
            map.forEach((k, val) -> {
                sb.append("<member>\n<name>").append(escape(String.valueOf(k))).append("</name>\n");
                write(sb, val);
                sb.append("</member>\n");
            });
            sb.append("</struct></value>\n");
        } else if (v instanceof Iterable<?> list) {
            sb.append("<value><array><data>\n");
            list.forEach(item -> write(sb, item));
            sb.append("</data></array></value>\n");
        } else {
            throw new IllegalStateException("cannot marshal " + v.getClass().getSimpleName() + " objects");
        }
    }

    /** Python's {@code repr(float)} for the values a fake holds: {@code 6220.0}, {@code 0.1}, no exponent. */
    static String pythonRepr(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "nan" : (d > 0 ? "inf" : "-inf");
        }
        String plain = BigDecimal.valueOf(d).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
