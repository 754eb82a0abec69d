package dev.odoomcp.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One live database of a {@link FakeOdoo}: users and tables, built from a {@link DatabaseSpec}.
 * Every ORM call runs under {@link #lock()}, so a call sees and leaves a consistent state.
 */
final class FakeDatabase {

    private final String name;
    private final OdooVersion version;
    private final Map<String, UserSpec> usersByLogin = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Orm orm;

    FakeDatabase(DatabaseSpec spec, OdooVersion version) {
        this.name = spec.name();
        this.version = version;
        spec.users().forEach(u -> usersByLogin.put(u.login(), u));
        spec.models().values().forEach(m -> tables.put(m.model(), new Table(m)));
        addStandardModels();
        this.orm = new Orm(this);
        seed(spec);
    }

    private void addStandardModels() {
        tables.computeIfAbsent(
                "res.users",
                m -> new Table(new ModelSpec(m, "User")
                        .field(FieldSpec.of("name", "char").asRequired())
                        .field(FieldSpec.of("login", "char").asRequired())
                        .field("company_id", "many2one", "res.company")
                        .field("company_ids", "many2many", "res.company")));
        tables.computeIfAbsent(
                "ir.model",
                m -> new Table(new ModelSpec(m, "Models")
                        .order("model")
                        .field(FieldSpec.of("name", "char")
                                .string("Model Description")
                                .asRequired())
                        .field(FieldSpec.of("model", "char").string("Model").asRequired())
                        .field(FieldSpec.of("transient", "boolean").string("Transient Model"))
                        .field(FieldSpec.of("info", "text").string("Information"))));
    }

    private void seed(DatabaseSpec spec) {
        Writes writes = orm.writes();
        for (Table t : tables.values()) {
            for (Map<String, Object> rec : t.spec().records()) {
                writes.create(t, rec);
            }
        }
        Table users = tables.get("res.users");
        for (UserSpec u : usersByLogin.values()) {
            if (users.row(u.uid()) == null) {
                writes.create(
                        users,
                        Map.of(
                                "id",
                                u.uid(),
                                "name",
                                u.name(),
                                "login",
                                u.login(),
                                "company_id",
                                u.companyIds().get(0),
                                "company_ids",
                                List.of(List.of(6L, 0L, u.companyIds()))));
            }
        }
        Table irModel = tables.get("ir.model");
        if (irModel.rows().isEmpty()) {
            for (Table t : List.copyOf(tables.values())) {
                writes.create(
                        irModel,
                        Map.of(
                                "model",
                                t.model(),
                                "name",
                                t.spec().descriptionText(),
                                "transient",
                                t.spec().isTransient()));
            }
        }
    }

    String name() {
        return name;
    }

    OdooVersion version() {
        return version;
    }

    ReentrantLock lock() {
        return lock;
    }

    Orm orm() {
        return orm;
    }

    /** The table of {@code model}, or the fault Odoo answers for an unknown model. */
    Table table(String model) {
        Table t = tables.get(model);
        if (t == null) {
            throw OdooFault.unknownModel(model);
        }
        return t;
    }

    List<String> models() {
        return List.copyOf(tables.keySet());
    }

    boolean hasModel(String model) {
        return tables.containsKey(model);
    }

    /** {@code authenticate}: the user whose login and API key match. */
    Optional<UserSpec> authenticate(String login, String apiKey) {
        UserSpec u = usersByLogin.get(login);
        return u != null && u.apiKey().equals(apiKey) ? Optional.of(u) : Optional.empty();
    }

    Optional<UserSpec> userByUid(long uid) {
        return usersByLogin.values().stream().filter(u -> u.uid() == uid).findFirst();
    }

    Optional<UserSpec> userByKey(String apiKey) {
        return usersByLogin.values().stream()
                .filter(u -> u.apiKey().equals(apiKey))
                .findFirst();
    }
}
