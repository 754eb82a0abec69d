package dev.odoomcp.wrapper;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the wrapper needs from its environment: where the MCP endpoint is, which headers to send on
 * every request, how long to wait. Header names only appear here; the wrapper jar must not depend
 * on the server's packages, so they are repeated rather than imported.
 *
 * @param endpoint the MCP endpoint, always ending in {@code /mcp}
 * @param headers fixed headers for every POST, in a stable order (values never logged if secret)
 * @param secrets values that must never appear in any output (API key, access token)
 * @param timeout limit for one request, from sending to the last byte of its answer
 * @param logLevel how chatty stderr is
 */
record WrapperConfig(
        URI endpoint, Map<String, String> headers, Set<String> secrets, Duration timeout, LogLevel logLevel) {

    static final String SERVER_URL_VAR = "MCP_SERVER_URL";
    static final String TOKEN_VAR = "MCP_ACCESS_TOKEN";
    static final String TIMEOUT_VAR = "MCP_TIMEOUT_SECONDS";
    static final String LOG_VAR = "MCP_WRAPPER_LOG";
    static final String READ_ONLY_VAR = "ODOO_READ_ONLY";
    private static final Set<String> TRUE_WORDS = Set.of("1", "true", "yes", "on");
    private static final Set<String> FALSE_WORDS = Set.of("0", "false", "no", "off");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** Environment variable → header, in the order they are sent. */
    private static final Map<String, String> HEADER_VARS = headerVars();

    private static final List<String> SECRET_VARS = List.of("ODOO_API_KEY", TOKEN_VAR);

    /** Log verbosity on stderr. */
    enum LogLevel {
        OFF,
        INFO,
        DEBUG
    }

    WrapperConfig {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        secrets = Set.copyOf(secrets);
    }

    /** Reads and checks the environment; a bad value fails with a message naming the variable. */
    static WrapperConfig fromEnv(Map<String, String> env) {
        URI endpoint = endpoint(env.get(SERVER_URL_VAR));
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        HEADER_VARS.forEach((variable, header) -> {
            String value = trimmed(env.get(variable));
            if (value == null) {
                return;
            }
            if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f))) {
                throw new ConfigException(variable + " contains a line break or control character;"
                        + " copy the value again without it.");
            }
            headers.put(header, variable.equals(READ_ONLY_VAR) ? readOnly(value) : value);
            if (SECRET_VARS.contains(variable)) {
                secrets.add(value);
            }
        });
        return new WrapperConfig(
                endpoint, headers, Set.copyOf(secrets), timeout(env.get(TIMEOUT_VAR)), logLevel(env.get(LOG_VAR)));
    }

    WrapperConfig withTimeout(Duration newTimeout) {
        return new WrapperConfig(endpoint, headers, secrets, newTimeout, logLevel);
    }

    WrapperConfig withLogLevel(LogLevel newLevel) {
        return new WrapperConfig(endpoint, headers, secrets, timeout, newLevel);
    }

    boolean hasAccessToken() {
        return headers.containsKey(HEADER_VARS.get(TOKEN_VAR));
    }

    /** Accepts {@code https://host}, {@code https://host/}, {@code https://host/mcp} and {@code …/mcp/}. */
    static URI endpoint(String raw) {
        String url = trimmed(raw);
        if (url == null) {
            throw new ConfigException(SERVER_URL_VAR + " is not set. Set it to the address of the Odoo MCP"
                    + " Bridge, e.g. https://mcp.example.com (with or without /mcp).");
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.toLowerCase(Locale.ROOT).endsWith("/mcp")) {
            url = url.substring(0, url.length() - 4);
        }
        URI uri;
        try {
            uri = new URI(url + "/mcp");
        } catch (URISyntaxException e) {
            throw new ConfigException(SERVER_URL_VAR + " is not a valid URL; expected e.g. https://mcp.example.com");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException(SERVER_URL_VAR + " must be an http:// or https:// URL with a host,"
                    + " e.g. https://mcp.example.com");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException(SERVER_URL_VAR + " must not contain user info, a query or a fragment;"
                    + " put the access token in " + TOKEN_VAR + " instead.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new ConfigException(SERVER_URL_VAR + " must use https:// for a server on another machine: over"
                    + " http:// your Odoo API key and access token would cross the network unencrypted. Plain http://"
                    + " is accepted only for localhost, 127.0.0.1 and [::1].");
        }
        return uri;
    }

    /** localhost or a loopback IP literal; decided without any DNS look-up. */
    static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (name.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}")) {
            return true;
        }
        if (!name.contains(":")) {
            return false; // a host name other than localhost, or an IPv4 address outside 127.0.0.0/8
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress(); // an IPv6 literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The {@code X-Odoo-Read-Only} value sent: {@code true} or {@code false}, whatever word was configured. */
    private static String readOnly(String value) {
        String word = value.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return "true";
        }
        if (FALSE_WORDS.contains(word)) {
            return "false";
        }
        throw new ConfigException(READ_ONLY_VAR + " must be one of 1, true, yes, on (reads only) or 0, false, no,"
                + " off; it was '" + value + "'.");
    }

    private static Duration timeout(String raw) {
        String value = trimmed(raw);
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 1 && seconds <= 86_400) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new ConfigException(
                TIMEOUT_VAR + " must be a whole number of seconds between 1 and 86400" + " (default 120).");
    }

    private static LogLevel logLevel(String raw) {
        String value = trimmed(raw);
        if (value == null) {
            return LogLevel.INFO;
        }
        try {
            return LogLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(LOG_VAR + " must be one of debug, info, off.");
        }
    }

    /** Blank, or a placeholder a launcher left unexpanded (an empty optional MCPB field), means unset. */
    private static String trimmed(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.startsWith("${") && stripped.endsWith("}") ? null : stripped;
    }

    private static Map<String, String> headerVars() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("ODOO_URL", "X-Odoo-Url");
        vars.put("ODOO_DB", "X-Odoo-Db");
        vars.put("ODOO_USERNAME", "X-Odoo-Username");
        vars.put("ODOO_API_KEY", "X-Odoo-Api-Key");
        vars.put("ODOO_PROTOCOL", "X-Odoo-Protocol");
        vars.put(READ_ONLY_VAR, "X-Odoo-Read-Only");
        vars.put(TOKEN_VAR, "X-MCP-Token");
        return Collections.unmodifiableMap(vars);
    }

    /** A configuration problem; its message is safe to print and names the variable to fix. */
    static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message);
        }
    }
}
