package dev.odoomcp.security;

import java.util.List;
import java.util.Locale;

/**
 * The operator's list of Odoo hosts tenants may reach ({@code ODOO_ALLOWED_HOSTS}). Exists so a
 * deployment serving only, say, Odoo Online can refuse every other host before any DNS lookup.
 * Patterns are exact names ({@code erp.example.com}) or {@code *.suffix}, which matches any name
 * with at least one more label ({@code acme.odoo.com}, not {@code odoo.com}). Empty allows any host.
 */
public final class HostAllowList {

    private final List<String> patterns;

    public HostAllowList(List<String> patterns) {
        this.patterns = patterns.stream()
                .map(p -> p.trim().toLowerCase(Locale.ROOT))
                .filter(p -> !p.isEmpty())
                .toList();
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public boolean permits(String host) {
        if (patterns.isEmpty()) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String pattern : patterns) {
            if (pattern.startsWith("*.")) {
                String suffix = pattern.substring(1);
                if (h.endsWith(suffix) && h.length() > suffix.length()) {
                    return true;
                }
            } else if (pattern.equals(h)) {
                return true;
            }
        }
        return false;
    }

    /** Validates one pattern; returns a problem description or null when fine. */
    public static String problemWith(String pattern) {
        String p = pattern.trim();
        String body = p.startsWith("*.") ? p.substring(2) : p;
        if (body.isEmpty() || !body.matches("[A-Za-z0-9.\\-\\[\\]:]+") || body.contains("*")) {
            return "'" + p + "' is not a host name or *.domain pattern";
        }
        return null;
    }
}
