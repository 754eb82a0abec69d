package dev.odoomcp.mcp;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a 2026-07-28 client sends back when it retries a request that was answered with an input-required
 * result: its answers, keyed like the server's {@code inputRequests}, and the server's {@code requestState}
 * echoed. Both are attacker-controlled input: whoever uses them verifies them.
 *
 * @param inputResponses the answers, or null when the request carries none
 * @param requestState the echoed state, or null when the request carries none
 */
public record InputRetry(
        @Nullable ObjectNode inputResponses, @Nullable String requestState) {

    static final InputRetry NONE = new InputRetry(null, null);

    /**
     * Reads them from a request's params.
     *
     * @throws McpException (-32602) when either has the wrong type
     */
    static InputRetry of(ObjectNode params) {
        JsonNode responses = params.get("inputResponses");
        JsonNode state = params.get("requestState");
        if (responses != null && !responses.isNull() && !responses.isObject()) {
            throw McpException.invalidParams(
                    "params.inputResponses must be an object keyed like the inputRequests " + "it answers.");
        }
        if (state != null && !state.isNull() && !state.isString()) {
            throw McpException.invalidParams(
                    "params.requestState must be the string the server sent, echoed " + "unchanged.");
        }
        return new InputRetry(
                responses instanceof ObjectNode object ? object : null,
                state == null || state.isNull() ? null : state.asString());
    }

    /** The answer to the input request {@code key}, or null. */
    public @Nullable JsonNode response(String key) {
        return inputResponses == null ? null : inputResponses.get(key);
    }
}
