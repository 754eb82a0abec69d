package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * One domain leaf {@code (path, operator, value)} evaluated on a record. Dotted paths walk
 * relational fields ("any related record matches"; negative operators negate that, as Odoo 17+
 * does). A string compared with a relational field matches the related display names.
 */
final class Leaves implements LongPredicate {

    private static final Set<String> NEGATIVE = Set.of("!=", "<>", "not in", "not like", "not ilike");

    private final Orm orm;
    private final Table table;
    private final List<FieldSpec> chain;
    private final String op;
    private final Object value;

    Leaves(Orm orm, Table table, List<FieldSpec> chain, String op, Object value) {
        this.orm = orm;
        this.table = table;
        this.chain = chain;
        this.op = op;
        this.value = value;
    }

    @Override
    public boolean test(long id) {
        boolean negative = NEGATIVE.contains(op);
        String positive = negative ? positiveOf(op) : op;
        List<Long> ids = List.of(id);
        Table current = table;
        for (int i = 0; i < chain.size() - 1; i++) {
            List<Long> next = new ArrayList<>();
            for (long rid : ids) {
                next.addAll(asIds(orm.stored(current, rid, chain.get(i).name())));
            }
            current = orm.db().table(chain.get(i).relation());
            ids = next;
        }
        FieldSpec last = chain.get(chain.size() - 1);
        boolean any = false;
        for (long rid : ids) {
            any |= matches(current, rid, last, positive);
        }
        return negative != any;
    }

    private boolean matches(Table t, long id, FieldSpec f, String operator) {
        if (f.name().equals("id")) {
            return compare(id, operator, value);
        }
        Object stored = f.name().equals("display_name") ? orm.displayName(t, id) : orm.stored(t, id, f.name());
        if (!f.isRelational()) {
            return compare(stored, operator, value);
        }
        List<Long> related = asIds(stored);
        if (isFalse(value)) {
            return compare(related.isEmpty() ? null : related, operator, value);
        }
        if (textual(value) && orm.db().hasModel(f.relation())) {
            Table co = orm.db().table(f.relation());
            return related.stream().anyMatch(r -> compare(orm.displayName(co, r), operator, value));
        }
        if (related.isEmpty()) {
            return false;
        }
        return related.stream().anyMatch(r -> compare(r, operator, value));
    }

    static boolean compare(Object stored, String op, Object value) {
        return switch (op) {
            case "=" -> isFalse(value) ? isFalse(stored) : equal(stored, value);
            case "=?" -> isFalse(value) || equal(stored, value);
            case "<", ">", "<=", ">=" -> ordered(stored, op, value);
            case "in", "child_of", "parent_of" ->
                asList(value).stream().anyMatch(v -> isFalse(v) ? isFalse(stored) : equal(stored, v));
            case "like", "ilike" -> stored instanceof String s && like("%" + value + "%", s, op.equals("ilike"));
            case "=like", "=ilike" -> stored instanceof String s && like(String.valueOf(value), s, op.equals("=ilike"));
            default -> !compare(stored, positiveOf(op), value);
        };
    }

    private static boolean ordered(Object stored, String op, Object value) {
        if (isNull(stored) || isNull(value)) {
            return false;
        }
        int c = Order.compareValues(stored, value);
        return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }

    private static boolean equal(Object stored, Object value) {
        if (stored instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return stored != null && stored.equals(value);
    }

    /** SQL LIKE: {@code %} any run, {@code _} any one character. */
    static boolean like(String pattern, String text, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(text).matches();
    }

    static String positiveOf(String op) {
        return switch (op) {
            case "!=", "<>" -> "=";
            case "not in" -> "in";
            case "not like" -> "like";
            case "not ilike" -> "ilike";
            default -> op;
        };
    }

    static boolean isFalse(Object v) {
        return v == null
                || Boolean.FALSE.equals(v)
                || (v instanceof List<?> l && l.isEmpty())
                || (v instanceof String s && s.isEmpty());
    }

    private static boolean isNull(Object v) {
        return v == null || Boolean.FALSE.equals(v);
    }

    private static boolean textual(Object v) {
        return v instanceof String || (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String);
    }

    private static List<?> asList(Object v) {
        return v instanceof List<?> l ? l : List.of(v == null ? Boolean.FALSE : v);
    }

    @SuppressWarnings("unchecked")
    static List<Long> asIds(Object stored) {
        if (stored == null) {
            return List.of();
        }
        return stored instanceof List<?> l ? (List<Long>) l : List.of((Long) stored);
    }
}
