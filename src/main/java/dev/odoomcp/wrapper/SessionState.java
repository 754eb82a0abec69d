package dev.odoomcp.wrapper;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What the wrapper learns from the server and repeats on later requests: the negotiated protocol
 * version (from the initialize response) and a session id, if the server ever hands one out.
 */
final class SessionState {

    private final AtomicReference<String> protocolVersion = new AtomicReference<>();
    private final AtomicReference<String> sessionId = new AtomicReference<>();

    String protocolVersion() {
        return protocolVersion.get();
    }

    String sessionId() {
        return sessionId.get();
    }

    void protocolVersion(String version) {
        if (isHeaderSafe(version)) {
            protocolVersion.set(version);
        }
    }

    void sessionId(String id) {
        if (isHeaderSafe(id)) {
            sessionId.set(id);
        }
    }

    /** Visible ASCII only (what the MCP spec allows for a session id), so it can go in a header. */
    private static boolean isHeaderSafe(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= 256
                && value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
