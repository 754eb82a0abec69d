package dev.odoomcp.tools;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the assistant may touch, decided before anything reaches Odoo: read-only mode (server-wide
 * or per request), models refused outright or for writes, and fields whose names look like secrets
 * (never shown, never written, never searched on). Odoo's own access rights still apply on top.
 */
@Component
public class AccessPolicy {

    /** Never reachable: they hold credentials or keys. */
    static final List<String> DENIED_MODELS = List.of(
            "res.users.apikeys",
            "res.users.apikeys.description",
            "res.users.apikeys.show",
            "ir.config_parameter",
            "auth_totp.device",
            "res.users.identitycheck",
            "change.password.wizard",
            "change.password.user",
            "change.password.own");

    /** Readable but never changed through the bridge: code execution, security rules, installed modules. */
    static final List<String> WRITE_DENIED_MODELS = List.of(
            "ir.module.module",
            "ir.model",
            "ir.model.fields",
            "ir.model.access",
            "ir.rule",
            "ir.ui.view",
            "ir.actions.server",
            "ir.cron",
            "base.automation",
            "res.groups",
            "ir.mail_server",
            "fetchmail.server",
            "ir.attachment",
            "base.module.upgrade",
            "base.module.uninstall");

    /** Why nothing can be changed in read-only mode, and what the user can do. */
    static final String READ_ONLY_EXPLANATION = "This connection is read-only, so records cannot be created, changed "
            + "or deleted. Ask the user to make the change in Odoo, or to connect without read-only mode.";

    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(^|_)(password|passwd|pwd|api_?key|apikey|token|secret|totp|otp|private_key|credentials?)($|_)");

    private static final Pattern FIELD_PATH = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*");

    private final ToolsProperties properties;

    AccessPolicy(ToolsProperties properties) {
        this.properties = properties;
    }

    /** True when writes are off for this request: server-wide, or the caller asked for it. */
    boolean readOnly(boolean requested) {
        return properties.readOnly() || requested;
    }

    /** Refuses what {@code access} may not do to {@code model}; nothing to check for {@link Access#NONE}. */
    void check(Access access, String model, boolean readOnly) {
        switch (access) {
            case READ -> checkRead(model);
            case WRITE -> checkWrite(model, readOnly);
            case NONE -> {}
        }
    }

    /** Refuses models that hold credentials, are denied by the operator or are not on the allow-list. */
    public void checkRead(String model) {
        if (matchesAny(model, DENIED_MODELS) || matchesAny(model, properties.deniedModels())) {
            throw new ToolInputException("Model '" + model + "' is not available through this bridge: it holds "
                    + "credentials or is blocked by the server administrator.");
        }
        if (!properties.allowedModels().isEmpty() && !matchesAny(model, properties.allowedModels())) {
            throw new ToolInputException("Model '" + model + "' is not on this server's list of allowed models ("
                    + String.join(", ", properties.allowedModels()) + ").");
        }
    }

    /** The models refused by exact name (built-in and operator list), for excluding them in a search. */
    public List<String> deniedModelNames() {
        List<String> names = new java.util.ArrayList<>(DENIED_MODELS);
        properties.deniedModels().stream().filter(p -> !p.endsWith("*")).forEach(names::add);
        return names;
    }

    /** Whether {@link #checkRead} would let {@code model} through. */
    public boolean readable(String model) {
        try {
            checkRead(model);
            return true;
        } catch (ToolInputException e) {
            return false;
        }
    }

    /** Refuses any change when the connection is read-only. */
    void checkNotReadOnly(boolean readOnly) {
        if (readOnly) {
            throw new ToolInputException(READ_ONLY_EXPLANATION);
        }
    }

    /** As {@link #checkRead}, and refuses any change in read-only mode and on code or security models. */
    void checkWrite(String model, boolean readOnly) {
        checkNotReadOnly(readOnly);
        checkRead(model);
        if (matchesAny(model, WRITE_DENIED_MODELS)) {
            throw new ToolInputException("Model '" + model + "' can be read but not changed through this bridge "
                    + "(it controls code, security or installed modules). Make such changes in Odoo itself.");
        }
    }

    /** Whether a field (or method) name looks like it holds a secret. */
    public static boolean isSecretField(String field) {
        return SECRET_FIELD.matcher(field.toLowerCase(Locale.ROOT)).find();
    }

    /** Refuses a secret-looking field name given in the argument {@code where}. */
    public static void checkNotSecret(String field, String where) {
        if (isSecretField(field)) {
            throw new ToolInputException("Field '" + field + "' looks like a secret and cannot be used in " + where
                    + " through this bridge.");
        }
    }

    /**
     * Refuses a free-form value (call_method arguments) that names a secret-looking field anywhere: as
     * an object key, or as a string that reads as a field name or dotted path (a domain, a field list).
     */
    public static void checkNoSecretNames(JsonNode value, String where) {
        if (value.isString() && FIELD_PATH.matcher(value.asString()).matches()) {
            for (String segment : value.asString().split("\\.")) {
                checkNotSecret(segment, where);
            }
        }
        value.properties().forEach(e -> {
            checkNotSecret(e.getKey(), where);
            checkNoSecretNames(e.getValue(), where);
        });
        if (value.isArray()) {
            value.forEach(item -> checkNoSecretNames(item, where));
        }
    }

    /** A copy of an answer without any member whose name looks like a secret, at any depth. */
    public static JsonNode withoutSecrets(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = ((ObjectNode) value).deepCopy();
            copy.propertyNames().stream().toList().forEach(name -> {
                if (isSecretField(name)) {
                    copy.remove(name);
                } else {
                    copy.set(name, withoutSecrets(copy.get(name)));
                }
            });
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = ((ArrayNode) value).arrayNode();
            value.forEach(item -> copy.add(withoutSecrets(item)));
            return copy;
        }
        return value;
    }

    private static boolean matchesAny(String model, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.endsWith("*")
                    ? model.startsWith(pattern.substring(0, pattern.length() - 1))
                    : model.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
