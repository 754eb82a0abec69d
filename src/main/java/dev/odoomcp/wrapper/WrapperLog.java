package dev.odoomcp.wrapper;

import java.io.PrintStream;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Logs to stderr (stdout carries the protocol only). Every line passes through {@link #redact} so
 * that a secret that slipped into a message (an exception text, a URL) is masked all the same.
 */
final class WrapperLog {

    private static final String MASK = "***";

    private final WrapperConfig.LogLevel level;
    private final PrintStream err;
    private final Set<String> secrets;

    WrapperLog(WrapperConfig.LogLevel level, PrintStream err, Set<String> secrets) {
        this.level = level;
        this.err = err;
        this.secrets = Set.copyOf(secrets);
    }

    boolean debugEnabled() {
        return level == WrapperConfig.LogLevel.DEBUG;
    }

    void debug(Supplier<String> message) {
        if (debugEnabled()) {
            write("DEBUG", message.get());
        }
    }

    void info(String message) {
        if (level != WrapperConfig.LogLevel.OFF) {
            write("INFO", message);
        }
    }

    void warn(String message) {
        if (level != WrapperConfig.LogLevel.OFF) {
            write("WARN", message);
        }
    }

    /** Replaces every configured secret in {@code text} by {@code ***}. */
    String redact(String text) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    private void write(String tag, String message) {
        String line = "[odoo-mcp-wrapper] " + tag + " " + redact(message);
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
