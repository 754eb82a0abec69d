package dev.odoomcp.wrapper;

/**
 * One JSON-RPC message as the wrapper sees it: the compact one-line text it forwards, plus the few
 * members it routes on. The id is kept as raw JSON ({@code 7}, {@code "a"}) so that an error the
 * wrapper makes up carries exactly the id the client sent.
 *
 * @param json the message as compact JSON (no line breaks)
 * @param id raw JSON of the {@code id} member, or null when there is none
 * @param method the {@code method} member when it is a string, else null
 * @param response true when the message carries {@code result} or {@code error}
 */
record JsonRpcMessage(String json, String id, String method, boolean response) {

    static final String INITIALIZE = "initialize";

    /** A request: the sender waits for a response with the same id. */
    boolean expectsResponse() {
        return method != null && id != null;
    }

    /** True when this is a response (result or error) answering {@code requestId}. */
    boolean answers(String requestId) {
        return response && method == null && requestId != null && requestId.equals(id);
    }
}
