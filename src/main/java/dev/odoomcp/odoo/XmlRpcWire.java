package dev.odoomcp.odoo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plain XML-RPC as Odoo speaks it, both ways, with nothing in between: a {@code methodCall} is
 * written straight into bytes, and a {@code methodResponse} is parsed in one SAX pass straight into
 * the JSON the tools use (before: the XML-RPC library's Java values, then a JSON copy of them; the
 * two took about a third of a search's CPU and most of its garbage). Only plain XML-RPC is read:
 * int, i4, boolean, string, double, dateTime.iso8601, base64, struct, array. Anything else
 * ({@code nil}, {@code i8}, the library extensions' serialized Java objects, elements of any
 * namespace) is refused; DOCTYPE, entities and nesting deeper than {@link SecureXml#MAX_ELEMENT_DEPTH}
 * are refused by the {@link SecureXml} reader; nothing recurses, so no answer can exhaust a stack.
 */
final class XmlRpcWire {

    /** An XML-RPC fault as the server sent it; the string may hold a traceback. */
    record Fault(int code, String string) {
    }

    /** Either a value or a fault. */
    record Outcome(JsonNode value, Fault fault) {
    }

    /** The answer is not plain, well-formed XML-RPC; the message says why, for the translator (never the client). */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String why) {
            super(why, null, false, false);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SecureXml xml;

    XmlRpcWire(SecureXml xml) {
        this.xml = xml;
    }

    /**
     * The {@code methodCall} for {@code method} with {@code params}: strings, Integer, Double,
     * Boolean, maps (structs) and collections (arrays), as {@link XmlRpcValues#toXmlRpc} makes them.
     *
     * @throws OdooException a value XML-RPC cannot carry (a character XML 1.0 forbids, NaN, another type)
     */
    static byte[] request(String method, List<Object> params) {
        StringBuilder out = new StringBuilder(512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>");
        text(out, method);
        out.append("</methodName><params>");
        for (Object param : params) {
            out.append("<param>");
            value(out, param);
            out.append("</param>");
        }
        out.append("</params></methodCall>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder out, Object value) {
        out.append("<value>");
        if (value instanceof String s) {
            out.append("<string>");
            text(out, s);
            out.append("</string>");
        } else if (value instanceof Integer i) {
            out.append("<int>").append(i.intValue()).append("</int>");
        } else if (value instanceof Boolean b) {
            out.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw unsupported("The number " + d + " cannot be sent over XML-RPC; send a finite number.");
            }
            out.append("<double>").append(d.doubleValue()).append("</double>");
        } else if (value instanceof Map<?, ?> map) {
            out.append("<struct>");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append("<member><name>");
                text(out, String.valueOf(e.getKey()));
                out.append("</name>");
                value(out, e.getValue());
                out.append("</member>");
            }
            out.append("</struct>");
        } else if (value instanceof Collection<?> list) {
            out.append("<array><data>");
            for (Object item : list) {
                value(out, item);
            }
            out.append("</data></array>");
        } else {
            throw unsupported("A value of type " + (value == null ? "null" : value.getClass().getSimpleName())
                    + " cannot be sent over XML-RPC; use strings, numbers, booleans, lists and objects.");
        }
        out.append("</value>");
    }

    /** Character data, escaped; carriage returns as references so that the server reads them unchanged. */
    private static void text(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                        throw unsupported("Text with the control character U+" + String.format("%04X", (int) c)
                                + " cannot be sent over XML-RPC; remove it and try again.");
                    }
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                            continue;
                        }
                        throw unsupported("Text with a broken character (a lone UTF-16 surrogate) cannot be sent over "
                                + "XML-RPC; fix the text and try again.");
                    }
                    out.append(c);
                }
            }
        }
    }

    private static OdooException unsupported(String message) {
        return new OdooException(OdooErrorKind.UNSUPPORTED, message);
    }

    /** Parses a {@code methodResponse}: its one value as JSON, or its fault. */
    Outcome parse(byte[] body) throws Rejected {
        Handler handler = new Handler();
        XMLReader reader = xml.borrow();
        boolean reusable = false;
        try {
            reader.setContentHandler(handler);
            reader.parse(new InputSource(new ByteArrayInputStream(body)));
            reusable = true;
        } catch (SAXException e) {
            throw new Rejected(handler.refusal != null ? handler.refusal : String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new Rejected("unreadable: " + e.getMessage());
        } finally {
            reader.setContentHandler(null);
            if (reusable) {
                xml.giveBack(reader);
            }
        }
        return handler.outcome();
    }

    /** Builds the answer while the parser reads it; an explicit stack, no recursion. */
    private static final class Handler extends DefaultHandler {

        /** One open element: its name and, for values, what is being built. */
        private static final class Open {
            final String name;
            JsonNode node;        // struct, array: the container; value: its typed content once closed
            String memberName;    // member: its name once read

            Open(String name) {
                this.name = name;
            }
        }

        private final Deque<Open> open = new ArrayDeque<>();
        private final StringBuilder chars = new StringBuilder();
        private boolean collecting;
        private JsonNode result;
        private JsonNode fault;
        String refusal;

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            if (uri != null && !uri.isEmpty()) {
                throw refuse("it uses a type outside plain XML-RPC (an element of namespace " + uri
                        + ", such as a serialized Java object)");
            }
            String parent = open.isEmpty() ? null : open.peek().name;
            if ("value".equals(parent) && !chars.toString().isBlank()) {
                throw refuse("a value mixes text and a typed element");
            }
            if (!allowedIn(parent, local)) {
                throw refuse(typeOutsidePlain(parent, local) ? "it uses a type outside plain XML-RPC (" + local + ")"
                        : "element <" + local + "> is out of place" + (parent == null ? "" : " in <" + parent + ">"));
            }
            Open element = new Open(local);
            switch (local) {
                case "struct" -> element.node = NODES.objectNode();
                case "array" -> element.node = NODES.arrayNode();
                default -> {
                    // text-bearing elements collect their characters
                }
            }
            collecting = isScalar(local) || "value".equals(local) || "name".equals(local);
            chars.setLength(0);
            open.push(element);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (collecting) {
                chars.append(ch, start, length);
            } else {
                for (int i = start; i < start + length; i++) {
                    if (!Character.isWhitespace(ch[i])) {
                        throw refuse("it has text outside a value (in <" + (open.isEmpty() ? "?" : open.peek().name)
                                + ">)");
                    }
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            Open element = open.pop();
            Open parent = open.peek();
            switch (local) {
                case "value" -> {
                    JsonNode v = element.node != null ? element.node : NODES.stringNode(chars.toString());
                    deliver(parent, v);
                }
                case "name" -> parent.memberName = chars.toString();
                case "member" -> {
                    if (element.memberName == null || element.node == null) {
                        throw refuse("a struct member lacks its name or value");
                    }
                    ObjectNode struct = (ObjectNode) parent.node;
                    struct.set(element.memberName, element.node);
                }
                case "struct" -> parent.node = idFirst((ObjectNode) element.node);
                case "array", "data", "params", "param", "fault", "methodResponse" -> {
                    if (element.node == null && ("param".equals(local) || "fault".equals(local))) {
                        throw refuse("<" + local + "> has no value");
                    }
                    if (parent != null && !"data".equals(local)) {
                        parent.node = element.node;
                    }
                }
                default -> parent.node = scalar(local, chars.toString());
            }
            collecting = false;
            if ("param".equals(local)) {
                if (result != null) {
                    throw refuse("it holds more than one result");
                }
                result = element.node;
            } else if ("fault".equals(local)) {
                fault = element.node;
            }
        }

        /** A closed {@code <value>} goes to its parent: a member, an array's data, a param or the fault. */
        private void deliver(Open parent, JsonNode v) throws SAXException {
            switch (parent.name) {
                case "data" -> {
                    Iterator<Open> outward = open.iterator();
                    outward.next(); // the data element itself
                    ((ArrayNode) outward.next().node).add(v);
                }
                case "member", "param", "fault" -> {
                    if (parent.node != null) {
                        throw refuse("<" + parent.name + "> holds more than one value");
                    }
                    parent.node = v;
                }
                default -> throw refuse("a value is out of place in <" + parent.name + ">");
            }
        }

        Outcome outcome() throws Rejected {
            if (fault != null) {
                JsonNode code = fault.path("faultCode");
                JsonNode string = fault.path("faultString");
                if (!code.isInt() || !string.isString()) {
                    throw new Rejected("shape: a fault whose faultCode is not an integer or whose faultString is not"
                            + " a string");
                }
                return new Outcome(null, new Fault(code.intValue(), string.stringValue()));
            }
            if (result == null) {
                throw new Rejected("not well-formed: a methodResponse without params or fault");
            }
            return new Outcome(result, null);
        }

        private SAXException refuse(String why) {
            refusal = why;
            return new SAXException(why);
        }

        private JsonNode scalar(String type, String text) throws SAXException {
            String t = text.strip();
            try {
                return switch (type) {
                    case "int", "i4" -> NODES.numberNode(Integer.parseInt(t));
                    case "boolean" -> switch (t) {
                        case "1" -> NODES.booleanNode(true);
                        case "0" -> NODES.booleanNode(false);
                        default -> throw refuse("a boolean that is neither 0 nor 1");
                    };
                    case "double" -> NODES.numberNode(Double.parseDouble(t));
                    case "string" -> NODES.stringNode(text);
                    case "dateTime.iso8601" -> NODES.stringNode(dateTime(t));
                    case "base64" -> NODES.stringNode(base64(t));
                    default -> throw refuse("it uses a type outside plain XML-RPC (" + type + ")");
                };
            } catch (NumberFormatException e) {
                throw refuse("a number that is not one (" + type + ")");
            }
        }

        /** {@code 20261124T10:15:00} (XML-RPC) as Odoo's own {@code 2026-11-24 10:15:00}. */
        private String dateTime(String t) throws SAXException {
            if (t.matches("\\d{8}T\\d{2}:\\d{2}:\\d{2}")) {
                return t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6, 8) + " " + t.substring(9);
            }
            throw refuse("a dateTime.iso8601 that is not yyyyMMddTHH:mm:ss");
        }

        /** Checked and without line breaks, as the JSON the tools read. */
        private String base64(String t) throws SAXException {
            try {
                return Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(t));
            } catch (IllegalArgumentException e) {
                throw refuse("base64 content that is not base64");
            }
        }

        private static boolean isScalar(String name) {
            return switch (name) {
                case "int", "i4", "boolean", "double", "string", "dateTime.iso8601", "base64" -> true;
                default -> false;
            };
        }

        private static boolean typeOutsidePlain(String parent, String local) {
            return "value".equals(parent) && !isScalar(local) && !"struct".equals(local) && !"array".equals(local);
        }

        private static boolean allowedIn(String parent, String local) {
            if (parent == null) {
                return "methodResponse".equals(local);
            }
            return switch (parent) {
                case "methodResponse" -> "params".equals(local) || "fault".equals(local);
                case "params" -> "param".equals(local);
                case "param", "fault", "member", "data" -> "value".equals(local) || "member".equals(parent)
                        && "name".equals(local);
                case "value" -> isScalar(local) || "struct".equals(local) || "array".equals(local);
                case "struct" -> "member".equals(local);
                case "array" -> "data".equals(local);
                default -> false;
            };
        }

        /** Odoo's records start with their id; keep that order whatever order the server wrote. */
        private static ObjectNode idFirst(ObjectNode struct) {
            if (!struct.has("id") || "id".equals(struct.propertyNames().iterator().next())) {
                return struct;
            }
            ObjectNode ordered = NODES.objectNode();
            ordered.set("id", struct.get("id"));
            struct.properties().forEach(e -> ordered.set(e.getKey(), e.getValue()));
            return ordered;
        }
    }
}
