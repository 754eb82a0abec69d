package dev.odoomcp.testing;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The write side of the fake ORM: create, write and unlink with value normalisation, required
 * fields, model checks and x2many command lists ({@code [0,0,vals]}, {@code [6,0,ids]},
 * {@code [4,id]}, ...). Callers hold the database lock and have checked access.
 */
final class Writes {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FakeDatabase db;
    private final Orm orm;

    Writes(FakeDatabase db, Orm orm) {
        this.db = db;
        this.orm = orm;
    }

    long create(Table t, Map<String, ?> values) {
        Map<String, Object> vals = new LinkedHashMap<>(values);
        Long requestedId = vals.get("id") instanceof Number n ? n.longValue() : null;
        vals.remove("id");
        orm.checkFields(t, List.copyOf(vals.keySet()));
        t.spec().beforeCreateRules().forEach(rule -> rule.accept(new RecordSet(orm, t, List.of(), null), vals));
        t.fields().values().forEach(f -> {
            if (f.defaultValue() != null && !vals.containsKey(f.name())) {
                vals.put(f.name(), f.defaultValue() instanceof Supplier<?> s ? s.get() : f.defaultValue());
            }
        });
        Map<String, Object> row = new LinkedHashMap<>();
        Map<FieldSpec, Object> x2many = new LinkedHashMap<>();
        vals.forEach((name, v) -> {
            FieldSpec f = t.field(name);
            if (f.isX2many()) {
                x2many.put(f, v);
            } else if (f.store() && !t.spec().computes().containsKey(name)) {
                row.put(name, Values.normalize(t, f, v));
            }
        });
        checkRequired(t, row, true);
        String now = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
        row.putIfAbsent("create_date", now);
        row.putIfAbsent("write_date", now);
        long id = t.insert(requestedId, row);
        x2many.forEach((f, commands) -> applyCommands(t, id, f, commands));
        return id;
    }

    void write(Table t, List<Long> ids, Map<String, ?> values) {
        orm.checkFields(t, List.copyOf(values.keySet()));
        for (long id : ids) {
            Map<String, Object> row = t.row(id);
            if (row == null) {
                throw OdooFault.missing(
                        "Record does not exist or has been deleted.\n(Record: " + t.model() + "(" + id + ",))");
            }
            Map<String, Object> updated = new LinkedHashMap<>(row);
            values.forEach((name, v) -> {
                FieldSpec f = t.field(name);
                if (!f.isX2many()
                        && f.store()
                        && !name.equals("id")
                        && !t.spec().computes().containsKey(name)) {
                    updated.put(name, Values.normalize(t, f, v));
                }
            });
            checkRequired(t, updated, false);
            updated.put("write_date", LocalDateTime.now(ZoneOffset.UTC).format(STAMP));
            row.putAll(updated);
            values.forEach((name, v) -> {
                if (t.field(name).isX2many()) {
                    applyCommands(t, id, t.field(name), v);
                }
            });
        }
    }

    /** Deletes records; many2one references to them become empty, many2many links disappear. */
    void unlink(Table t, List<Long> ids) {
        ids.forEach(t.rows()::remove);
        for (String model : List.copyOf(db.models())) {
            Table other = db.table(model);
            for (FieldSpec f : other.fields().values()) {
                if (!t.model().equals(f.relation()) || f.type().equals("one2many")) {
                    continue;
                }
                for (Map<String, Object> row : other.rows().values()) {
                    Object v = row.get(f.name());
                    if (v instanceof Long l && ids.contains(l)) {
                        row.remove(f.name());
                    } else if (v instanceof List<?> l) {
                        row.put(
                                f.name(),
                                l.stream().filter(x -> !ids.contains(x)).toList());
                    }
                }
            }
        }
    }

    private void checkRequired(Table t, Map<String, Object> row, boolean creating) {
        for (FieldSpec f : t.fields().values()) {
            if (f.required()
                    && f.store()
                    && !f.isX2many()
                    && !t.spec().computes().containsKey(f.name())
                    && Leaves.isFalse(row.get(f.name()))
                    && !f.type().equals("boolean")) {
                throw OdooFault.validation("The operation cannot be completed:\n- Create/update: a mandatory "
                        + "field is not set.\n- Delete: another model requires the record being deleted. If "
                        + "possible, archive it instead.\n\nModel: " + t.spec().descriptionText() + " ("
                        + t.model() + ")\nField: " + f.string() + " (" + f.name() + ")");
            }
        }
        if (creating) {
            t.spec().checks().forEach((field, message) -> {
                if (Leaves.isFalse(row.get(field))) {
                    throw OdooFault.validation("The operation cannot be completed: " + message);
                }
            });
        }
    }

    private void applyCommands(Table t, long id, FieldSpec f, Object commands) {
        boolean inverse = f.type().equals("one2many") && f.inverse() != null;
        List<Long> current = new ArrayList<>(Leaves.asIds(orm.stored(t, id, f.name())));
        for (Object c : Values.commands(commands)) {
            List<?> cmd = (List<?>) c;
            int code = ((Number) cmd.get(0)).intValue();
            Long target = cmd.size() > 1 && cmd.get(1) instanceof Number n ? n.longValue() : null;
            switch (code) {
                case 0 -> {
                    Map<String, Object> vals = new LinkedHashMap<>(Values.map(cmd.get(2)));
                    if (inverse) {
                        vals.put(f.inverse(), id);
                    }
                    current.add(create(db.table(f.relation()), vals));
                }
                case 1 -> write(db.table(f.relation()), List.of(target), Values.map(cmd.get(2)));
                case 2 -> {
                    unlink(db.table(f.relation()), List.of(target));
                    current.remove(target);
                }
                case 3 -> current.remove(target);
                case 4 -> current.add(target);
                case 5 -> current.clear();
                case 6 -> current = new ArrayList<>(Leaves.asIds(Values.ids(cmd.get(2))));
                default -> throw OdooFault.application("ValueError", "Unknown x2many command " + Py.repr(cmd));
            }
        }
        if (inverse) {
            relink(db.table(f.relation()), f.inverse(), id, current);
        } else {
            t.row(id).put(f.name(), List.copyOf(new java.util.LinkedHashSet<>(current)));
        }
    }

    private void relink(Table co, String inverseField, long id, List<Long> children) {
        for (Map<String, Object> row : co.rows().values()) {
            boolean wanted = children.contains((Long) row.get("id"));
            if (wanted) {
                row.put(inverseField, id);
            } else if (Long.valueOf(id).equals(row.get(inverseField))) {
                row.remove(inverseField);
            }
        }
    }
}
