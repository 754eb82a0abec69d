package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The read side of the fake ORM for one database: search, read, display names and access checks.
 * Writes live in {@link Writes}. Callers hold the database lock.
 */
final class Orm {

    private final FakeDatabase db;
    private final Writes writes;

    Orm(FakeDatabase db) {
        this.db = db;
        this.writes = new Writes(db, this);
    }

    Writes writes() {
        return writes;
    }

    FakeDatabase db() {
        return db;
    }

    /**
     * Ids matching {@code domain} in {@code order}; like Odoo, records with {@code active = false}
     * are left out unless the domain mentions {@code active}.
     */
    List<Long> search(Table t, List<?> domain, long offset, Long limit, String order) {
        Domain d = Domain.parse(domain == null ? List.of() : domain, t, this);
        boolean activeTest = t.hasActive() && !d.mentions("active");
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> row : t.rows().values()) {
            long id = (Long) row.get("id");
            if ((!activeTest || Boolean.TRUE.equals(row.get("active"))) && d.matches(id)) {
                ids.add(id);
            }
        }
        ids.sort(Order.parse(order == null || order.isBlank() ? t.spec().defaultOrder() : order, t, this));
        int from = (int) Math.min(offset, ids.size());
        int to = limit == null ? ids.size() : (int) Math.min(ids.size(), from + limit);
        return new ArrayList<>(ids.subList(from, to));
    }

    /** {@code read}: one map per id, {@code id} first, then the asked fields in the asked order. */
    List<Map<String, Object>> read(Table t, List<Long> ids, List<String> fields) {
        List<String> names =
                fields == null || fields.isEmpty() ? List.copyOf(t.fields().keySet()) : fields;
        checkFields(t, names);
        List<Map<String, Object>> out = new ArrayList<>();
        for (long id : ids) {
            if (t.row(id) == null) {
                throw OdooFault.missing(
                        "Record does not exist or has been deleted.\n(Record: " + t.model() + "(" + id + ",))");
            }
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("id", id);
            for (String name : names) {
                rec.put(name, value(t, id, t.field(name)));
            }
            out.add(rec);
        }
        return out;
    }

    /** Odoo's {@code ValueError} for a field the model lacks. */
    void checkFields(Table t, List<String> names) {
        for (String name : names) {
            if (t.field(name) == null) {
                throw OdooFault.application("ValueError", "Invalid field '" + name + "' on model '" + t.model() + "'");
            }
        }
    }

    /** A field's value as {@code read} sends it. */
    Object value(Table t, long id, FieldSpec f) {
        if (f.name().equals("display_name")) {
            return displayName(t, id);
        }
        Object raw = stored(t, id, f.name());
        return switch (f.type()) {
            case "many2one" -> raw == null ? Boolean.FALSE : relatedPair(f.relation(), (Long) raw);
            case "one2many", "many2many" -> raw == null ? List.of() : raw;
            case "integer" -> raw == null ? 0L : raw;
            case "float", "monetary" -> raw == null ? 0.0 : raw;
            default -> raw == null ? Boolean.FALSE : raw;
        };
    }

    private Object relatedPair(String comodel, long id) {
        if (!db.hasModel(comodel) || db.table(comodel).row(id) == null) {
            return List.of(id, comodel + "," + id);
        }
        return List.of(id, displayName(db.table(comodel), id));
    }

    /** Stored value: many2one as Long, x2many as {@code List<Long>} (one2many computed from its inverse). */
    Object stored(Table t, long id, String field) {
        FieldSpec f = t.field(field);
        if (f != null && f.type().equals("one2many") && f.inverse() != null && db.hasModel(f.relation())) {
            Table co = db.table(f.relation());
            List<Long> ids = new ArrayList<>();
            co.rows().forEach((cid, row) -> {
                if (Long.valueOf(id).equals(row.get(f.inverse()))) {
                    ids.add(cid);
                }
            });
            ids.sort(Order.parse(co.spec().defaultOrder(), co, this));
            return ids;
        }
        Function<FakeRecords, Object> compute = t.spec().computes().get(field);
        if (compute != null) {
            Object v = Values.wire(compute.apply(new RecordSet(this, t, List.of(id), null)));
            return Boolean.FALSE.equals(v) && !f.type().equals("boolean") ? null : v;
        }
        Map<String, Object> row = t.row(id);
        return row == null ? null : row.get(field);
    }

    String displayName(Table t, long id) {
        Function<FakeRecords, String> rule = t.spec().displayNameRule();
        if (rule != null) {
            return rule.apply(new RecordSet(this, t, List.of(id), null));
        }
        Object name = stored(t, id, "name");
        return name instanceof String s ? s : t.model() + "," + id;
    }

    /** Refuses {@code operation} (read, write, create, unlink) like Odoo's ACL check. */
    void checkAccess(UserSpec user, Table t, String operation) {
        ModelSpec spec = t.spec();
        String group = operation.equals("read") ? spec.readGroupName() : spec.writeGroupName();
        boolean denied = group != null && !user.groups().contains(group);
        if (!operation.equals("read") && user.isReadonly()) {
            denied = true;
            group = group == null ? "Administration/Access Rights" : group;
        }
        if (denied) {
            String verb = switch (operation) {
                case "read" -> "access";
                case "write" -> "modify";
                case "create" -> "create";
                default -> "delete";
            };
            throw OdooFault.accessError("You are not allowed to " + verb + " '" + spec.descriptionText() + "' ("
                    + t.model() + ") records.\n\nThis operation is allowed for the following groups:\n\t- " + group
                    + "\n\nContact your administrator to request access if necessary.");
        }
    }

    FakeRecords records(Table t, List<Long> ids, UserSpec user) {
        return new RecordSet(this, t, List.copyOf(ids), user);
    }
}
