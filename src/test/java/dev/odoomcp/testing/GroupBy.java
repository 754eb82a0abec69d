package dev.odoomcp.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code groupby} spec ({@code state}, {@code partner_id}, {@code date:month}): the group key of
 * a record and how a key is shown by {@code read_group} and {@code formatted_read_group}.
 */
record GroupBy(String spec, FieldSpec field, String granularity) {

    static List<GroupBy> parseAll(Table t, List<String> specs, String defaultGranularity) {
        List<GroupBy> out = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.trim().split(":", -1);
            FieldSpec f = t.field(parts[0]);
            if (f == null || parts.length > 2) {
                throw OdooFault.application(
                        "ValueError", "Invalid field " + Py.repr(parts[0]) + " on model " + Py.repr(t.model()));
            }
            boolean temporal = f.type().equals("date") || f.type().equals("datetime");
            String granularity = parts.length == 2 ? parts[1] : temporal ? defaultGranularity : null;
            if (temporal && (granularity == null || !Periods.GRANULARITIES.contains(granularity))
                    || !temporal && granularity != null
                    || f.type().equals("one2many")
                    || !f.store()) {
                throw OdooFault.application(
                        "ValueError", "Invalid groupby " + Py.repr(spec) + " on model " + Py.repr(t.model()));
            }
            out.add(new GroupBy(spec.trim(), f, granularity));
        }
        return out;
    }

    /** The group key of record {@code id}: stored value, or the period start for dates. */
    Object key(Orm orm, Table t, long id) {
        Object raw = f(orm, t, id);
        if (raw == null) {
            return null;
        }
        return granularity == null ? raw : Periods.start((String) raw, granularity);
    }

    private Object f(Orm orm, Table t, long id) {
        return field.name().equals("id") ? Long.valueOf(id) : orm.stored(t, id, field.name());
    }

    /** What sorting compares: display name for many2one, the key otherwise. */
    Object sortKey(Orm orm, Object key) {
        if (key != null && field.type().equals("many2one") && orm.db().hasModel(field.relation())) {
            return orm.displayName(orm.db().table(field.relation()), (Long) key);
        }
        return key instanceof LocalDate d ? d.toString() : key;
    }

    /** {@code read_group} (≤ 18) value: {@code [id, name]}, date label, raw value or false. */
    Object legacyValue(Orm orm, Object key) {
        if (key == null) {
            return false;
        }
        if (key instanceof LocalDate d) {
            return Periods.label(d, granularity);
        }
        return pair(orm, key);
    }

    /** {@code formatted_read_group} value: {@code [id, name]}, {@code [start, label]}, raw value or false. */
    Object formattedValue(Orm orm, Object key) {
        if (key == null) {
            return false;
        }
        if (key instanceof LocalDate d) {
            return List.of(Periods.bound(d, field.type().equals("datetime")), Periods.label(d, granularity));
        }
        return pair(orm, key);
    }

    private Object pair(Orm orm, Object key) {
        if (field.type().equals("many2one") && orm.db().hasModel(field.relation())) {
            return List.of(key, orm.displayName(orm.db().table(field.relation()), (Long) key));
        }
        return key;
    }

    Map<String, Object> range(LocalDate start) {
        boolean datetime = field.type().equals("datetime");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("from", Periods.bound(start, datetime));
        r.put("to", Periods.bound(Periods.end(start, granularity), datetime));
        return r;
    }

    /** The domain selecting a group's records on this group-by. */
    List<Object> domain(Object key) {
        String name = field.name();
        if (key == null) {
            return List.of(List.of(name, "=", false));
        }
        if (key instanceof LocalDate d) {
            boolean datetime = field.type().equals("datetime");
            return List.of(
                    "&",
                    List.of(name, ">=", Periods.bound(d, datetime)),
                    List.of(name, "<", Periods.bound(Periods.end(d, granularity), datetime)));
        }
        return List.of(List.of(name, "=", key));
    }
}
