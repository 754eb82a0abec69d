package dev.odoomcp.mcp;

import dev.odoomcp.ops.RequestTrace;
import dev.odoomcp.security.BufferedBody;
import dev.odoomcp.security.EdgePaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP Streamable HTTP endpoint, stateless: every POST carries one JSON-RPC message and gets its
 * answer as {@code application/json}; no session is created, so any instance can answer any request.
 * Transport rules (Origin, media types) are checked here, the body's size and arrival time before it
 * ({@code security/RequestBodyFilter}); protocol rules in {@link ProtocolGate}.
 */
@RestController
class McpController {

    static final String PATH = EdgePaths.MCP;
    private static final MediaType EVENT_STREAM = MediaType.TEXT_EVENT_STREAM;
    private static final Logger log = LoggerFactory.getLogger(McpController.class);

    private final McpDispatcher dispatcher;
    private final CallerResolver callers;
    private final OriginPolicy origins;
    private final JsonMapper json;

    McpController(McpDispatcher dispatcher, CallerResolver callers, OriginPolicy origins, JsonMapper json) {
        this.dispatcher = dispatcher;
        this.callers = callers;
        this.origins = origins;
        this.json = json;
    }

    @PostMapping(PATH)
    ResponseEntity<byte[]> post(HttpServletRequest request) {
        Map<String, String> headers = headersOf(request);
        RequestTrace trace = RequestTrace.of(request);
        if (!origins.allows(headers.get("origin"))) {
            return transportError(
                    HttpStatus.FORBIDDEN,
                    "Origin '" + headers.get("origin")
                            + "' is not allowed. The server administrator can add it to MCP_ALLOWED_ORIGINS.");
        }
        if (!isJson(headers.get("content-type"))) {
            return transportError(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json: send one JSON-RPC message as the request body.");
        }
        if (!acceptsJsonAndEventStream(headers.get("accept"))) {
            return transportError(
                    HttpStatus.NOT_ACCEPTABLE,
                    "The Accept header must list both application/json and text/event-stream.");
        }
        byte[] body = BufferedBody.of(request);
        JsonNode id = null;
        try {
            JsonRpcMessage message = JsonRpcMessage.from(parse(body));
            if (message instanceof JsonRpcMessage.Request req) {
                id = req.id();
                trace.method(McpMethods.tag(req.method()));
                McpRequestContext context =
                        ProtocolGate.forRequest(req, headers, () -> callers.resolve(request, headers), trace);
                return reply(HttpStatus.OK, envelope(id).set("result", dispatcher.handle(req, context)));
            }
            // Notifications and responses (to requests this server never sends) need no answer.
            trace.method("notification");
            ProtocolGate.checkNotification(headers);
            return ResponseEntity.accepted().build();
        } catch (McpException e) {
            trace.protocolError(e.code());
            return reply(HttpStatus.valueOf(e.httpStatus()), errorEnvelope(id, e.toError()));
        } catch (RuntimeException e) {
            log.error("Unexpected failure while handling an MCP request", e);
            trace.protocolError(JsonRpcError.INTERNAL_ERROR);
            return reply(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    errorEnvelope(
                            id,
                            new JsonRpcError(
                                    JsonRpcError.INTERNAL_ERROR,
                                    "Internal error in the bridge; the failure was logged.")));
        }
    }

    /**
     * Stateless server: no SSE stream to open and no session to delete. A browser (one that asks for
     * HTML) gets a short page saying what this URL is for, with the same 405.
     */
    @RequestMapping(
            path = PATH,
            method = {RequestMethod.GET, RequestMethod.DELETE, RequestMethod.PUT, RequestMethod.PATCH})
    ResponseEntity<byte[]> notAllowed(HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST");
        if ("GET".equals(request.getMethod()) && EndpointPage.wanted(request.getHeader(HttpHeaders.ACCEPT))) {
            return EndpointPage.answer(answer);
        }
        return answer.build();
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new McpException(
                        JsonRpcError.PARSE_ERROR, "The request body is empty; send a JSON-RPC message.", 400, null);
            }
            return node;
        } catch (JacksonException e) {
            throw new McpException(JsonRpcError.PARSE_ERROR, "The request body is not valid JSON.", 400, null);
        }
    }

    private ObjectNode envelope(JsonNode id) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        envelope.set("id", id == null ? NullNode.getInstance() : id);
        return envelope;
    }

    private ObjectNode errorEnvelope(JsonNode id, JsonRpcError error) {
        ObjectNode envelope = envelope(id);
        envelope.set("error", json.valueToTree(error));
        return envelope;
    }

    private ResponseEntity<byte[]> transportError(HttpStatus status, String message) {
        return reply(status, errorEnvelope(null, new JsonRpcError(JsonRpcError.INVALID_REQUEST, message)));
    }

    private ResponseEntity<byte[]> reply(HttpStatus status, JsonNode body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(body));
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean acceptsJsonAndEventStream(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> t.includes(MediaType.APPLICATION_JSON))
                    && types.stream().anyMatch(t -> t.includes(EVENT_STREAM));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static Map<String, String> headersOf(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}
