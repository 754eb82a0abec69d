package dev.odoomcp.wrapper;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The only JSON the wrapper does, with Jackson's streaming core (no data binding, so start-up stays
 * cheap): reads a message's routing members while copying it to compact one-line form, and writes
 * the error responses the wrapper makes up.
 */
final class JsonCodec {

    private final JsonFactory factory = new JsonFactory();

    /** Parses exactly one JSON object; anything else (array, scalar, trailing text) is rejected. */
    JsonRpcMessage parseObject(String text) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidJsonException("not a JSON object", false);
            }
            JsonRpcMessage message = readObject(p);
            requireEnd(p);
            return message;
        } catch (JacksonException e) {
            throw new InvalidJsonException("malformed JSON", true);
        }
    }

    /** Parses an answer body: one object, or an array of objects (a batch answer). */
    List<JsonRpcMessage> parseMessages(String text) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = p.nextToken();
            List<JsonRpcMessage> messages = new ArrayList<>();
            if (first == JsonToken.START_OBJECT) {
                messages.add(readObject(p));
            } else if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    messages.add(readObject(p));
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw new InvalidJsonException("array holds something other than objects", false);
                }
            } else {
                throw new InvalidJsonException("not a JSON object or array", false);
            }
            requireEnd(p);
            return messages;
        } catch (JacksonException e) {
            throw new InvalidJsonException("malformed JSON", true);
        }
    }

    /** {@code result.protocolVersion} of an initialize response, if there is one. */
    Optional<String> protocolVersion(JsonRpcMessage initializeResponse) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), initializeResponse.json())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("result") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = p.currentName();
                        if (p.nextToken() == JsonToken.VALUE_STRING && field.equals("protocolVersion")) {
                            return Optional.of(p.getString());
                        }
                        p.skipChildren();
                    }
                    return Optional.empty();
                }
                p.skipChildren();
            }
            return Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A JSON-RPC error response; {@code id} is raw JSON or null. */
    String errorResponse(String id, int code, String message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("jsonrpc", "2.0");
            g.writeName("id");
            if (id == null) {
                g.writeNull();
            } else {
                g.writeRawValue(id);
            }
            g.writeName("error");
            g.writeStartObject();
            g.writeNumberProperty("code", code);
            g.writeStringProperty("message", message);
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString();
    }

    /** The same message with its {@code id} replaced by {@code id} (raw JSON). */
    JsonRpcMessage withId(JsonRpcMessage message, String id) {
        StringWriter out = new StringWriter();
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), message.json());
                JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            p.nextToken();
            g.writeStartObject();
            g.writeName("id");
            g.writeRawValue(id);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("id")) {
                    p.skipChildren();
                } else {
                    g.writeName(name);
                    g.copyCurrentStructureExact(p);
                }
            }
            g.writeEndObject();
        }
        return new JsonRpcMessage(out.toString(), id, message.method(), message.response());
    }

    private JsonRpcMessage readObject(JsonParser p) {
        StringWriter out = new StringWriter();
        String id = null;
        String method = null;
        boolean response = false;
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                g.writeName(name);
                switch (name) {
                    case "id" -> id = copyCapturing(p, g);
                    case "method" -> method = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "result", "error" -> response = true;
                    default -> {}
                }
                if (!name.equals("id")) {
                    g.copyCurrentStructureExact(p);
                }
            }
            g.writeEndObject();
        }
        return new JsonRpcMessage(out.toString(), id, method, response);
    }

    private String copyCapturing(JsonParser p, JsonGenerator g) {
        StringWriter raw = new StringWriter();
        try (JsonGenerator capture = factory.createGenerator(ObjectWriteContext.empty(), raw)) {
            capture.copyCurrentStructureExact(p);
        }
        g.writeRawValue(raw.toString());
        return raw.toString();
    }

    private static void requireEnd(JsonParser p) {
        if (p.nextToken() != null) {
            throw new InvalidJsonException("text after the JSON value", true);
        }
    }

    /** The text was not the JSON expected; the message says what was wrong, never the text itself. */
    static final class InvalidJsonException extends RuntimeException {
        private final boolean syntax;

        InvalidJsonException(String message, boolean syntax) {
            super(message);
            this.syntax = syntax;
        }

        /** True when the text is not JSON at all; false when it is JSON of the wrong shape. */
        boolean syntax() {
            return syntax;
        }
    }
}
