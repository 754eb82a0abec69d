package dev.odoomcp.testing;

import java.util.Comparator;
import java.util.Locale;

/**
 * Parses an Odoo {@code order} clause ({@code "name desc, id"}) into a comparator over record ids.
 * NULLs sort last ascending and first descending, as in PostgreSQL; many2one sorts by the related
 * record's display name; ties break on id.
 */
final class Order {

    private Order() {}

    static Comparator<Long> parse(String order, Table t, Orm orm) {
        Comparator<Long> result = null;
        for (String part : order.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            FieldSpec f = t.field(words[0]);
            if (f == null || words.length > 3) {
                throw OdooFault.application(
                        "ValueError", "Invalid order " + Py.repr(order) + " for model " + Py.repr(t.model()));
            }
            boolean desc = words.length > 1 && words[1].toLowerCase(Locale.ROOT).equals("desc");
            Comparator<Long> c =
                    Comparator.comparing(id -> sortKey(t, orm, f, id), Comparator.nullsLast(Order::compareValues));
            c = desc ? c.reversed() : c;
            result = result == null ? c : result.thenComparing(c);
        }
        Comparator<Long> byId = Comparator.naturalOrder();
        return result == null ? byId : result.thenComparing(byId);
    }

    private static Comparable<?> sortKey(Table t, Orm orm, FieldSpec f, long id) {
        if (f.name().equals("id")) {
            return id;
        }
        if (f.name().equals("display_name")) {
            return orm.displayName(t, id);
        }
        Object raw = orm.stored(t, id, f.name());
        if (raw == null) {
            return null;
        }
        if (f.type().equals("many2one") && orm.db().hasModel(f.relation())) {
            return orm.displayName(orm.db().table(f.relation()), (Long) raw);
        }
        return raw instanceof Comparable<?> c ? c : raw.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareToIgnoreCase(y);
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }
}
