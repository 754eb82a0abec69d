package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builder for one database hosted by a {@link FakeOdoo}: its users and models. Obtained from
 * {@link FakeOdoo.Builder#database(String, Consumer)}; a model named twice is extended, not replaced.
 */
public final class DatabaseSpec {

    private final String name;
    private final List<UserSpec> users = new ArrayList<>();
    private final Map<String, ModelSpec> models = new LinkedHashMap<>();

    DatabaseSpec(String name) {
        this.name = name;
    }

    /** A user with default name, company 1, en_US, Europe/Brussels, no groups. */
    public DatabaseSpec user(String login, String apiKey, long uid) {
        return user(UserSpec.of(login, apiKey, uid));
    }

    public DatabaseSpec user(UserSpec user) {
        users.removeIf(u -> u.login().equals(user.login()));
        users.add(user);
        return this;
    }

    public DatabaseSpec model(String model, Consumer<ModelSpec> definition) {
        return model(model, null, definition);
    }

    /** Defines (or extends) a model; {@code description} is what {@code ir.model} and access errors show. */
    public DatabaseSpec model(String model, String description, Consumer<ModelSpec> definition) {
        ModelSpec spec = models.computeIfAbsent(model, m -> new ModelSpec(m, defaultDescription(m)));
        if (description != null) {
            spec.description(description);
        }
        definition.accept(spec);
        return this;
    }

    /** Registers a business method on records of {@code model}. */
    public DatabaseSpec method(String model, String method, FakeMethod handler) {
        return model(model, m -> m.method(method, handler));
    }

    String name() {
        return name;
    }

    List<UserSpec> users() {
        return users;
    }

    Map<String, ModelSpec> models() {
        return models;
    }

    private static String defaultDescription(String model) {
        return FieldSpec.labelFor(model.replace('.', '_'));
    }
}
