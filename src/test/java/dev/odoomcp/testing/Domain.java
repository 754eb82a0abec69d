package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * An Odoo domain (prefix notation with {@code &}, {@code |}, {@code !} and implicit AND) compiled
 * against one table into a predicate over record ids. Unknown fields fail at compile time with
 * Odoo's {@code ValueError: Invalid field ...}; leaf semantics live in {@link Leaves}.
 */
final class Domain {

    static final Set<String> OPERATORS = Set.of(
            "=",
            "!=",
            "<>",
            "<",
            ">",
            "<=",
            ">=",
            "=?",
            "in",
            "not in",
            "like",
            "ilike",
            "not like",
            "not ilike",
            "=like",
            "=ilike",
            "child_of",
            "parent_of");

    private final LongPredicate predicate;
    private final Set<String> mentioned;

    private Domain(LongPredicate predicate, Set<String> mentioned) {
        this.predicate = predicate;
        this.mentioned = mentioned;
    }

    static Domain parse(List<?> domain, Table t, Orm orm) {
        Set<String> mentioned = new java.util.HashSet<>();
        Iterator<?> it = domain.iterator();
        LongPredicate all = id -> true;
        while (it.hasNext()) {
            all = all.and(term(it, t, orm, mentioned, domain));
        }
        return new Domain(all, mentioned);
    }

    boolean matches(long id) {
        return predicate.test(id);
    }

    /** Whether a leaf's first path segment is {@code field} (used for the implicit active test). */
    boolean mentions(String field) {
        return mentioned.contains(field);
    }

    private static LongPredicate term(Iterator<?> it, Table t, Orm orm, Set<String> mentioned, List<?> whole) {
        if (!it.hasNext()) {
            throw OdooFault.application("ValueError", "Domain " + Py.repr(whole) + " is syntactically not correct.");
        }
        Object item = it.next();
        if ("&".equals(item) || "|".equals(item)) {
            LongPredicate a = term(it, t, orm, mentioned, whole);
            LongPredicate b = term(it, t, orm, mentioned, whole);
            return "&".equals(item) ? a.and(b) : a.or(b);
        }
        if ("!".equals(item)) {
            return term(it, t, orm, mentioned, whole).negate();
        }
        if (item instanceof List<?> leaf && leaf.size() == 3 && leaf.get(1) instanceof String op) {
            return leaf(leaf, op, t, orm, mentioned);
        }
        throw OdooFault.application("ValueError", "Invalid leaf " + Py.repr(item));
    }

    private static LongPredicate leaf(List<?> leaf, String op, Table t, Orm orm, Set<String> mentioned) {
        Object left = leaf.get(0);
        if (left instanceof Long n && n <= 1) {
            boolean truth = (n == 1) == op.equals("=") && Long.valueOf(1).equals(leaf.get(2));
            return id -> truth;
        }
        if (!(left instanceof String path) || !OPERATORS.contains(op)) {
            throw OdooFault.application("ValueError", "Invalid leaf " + Py.tuple(leaf));
        }
        List<FieldSpec> chain = resolvePath(path, leaf, t, orm);
        mentioned.add(chain.get(0).name());
        return new Leaves(orm, t, chain, op, leaf.get(2));
    }

    private static List<FieldSpec> resolvePath(String path, List<?> leaf, Table t, Orm orm) {
        List<FieldSpec> chain = new ArrayList<>();
        Table current = t;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            FieldSpec f = current == null ? null : current.field(parts[i]);
            if (f == null) {
                String where = orm.db().version().major() >= 19 ? "condition" : "leaf";
                throw OdooFault.application(
                        "ValueError",
                        "Invalid field "
                                + (current == null ? "?" : current.model()) + "." + parts[i] + " in " + where + " "
                                + Py.tuple(leaf));
            }
            if (!f.store() && current.spec().computes().containsKey(f.name())) {
                // a compute without store or search method: fields.py _condition_to_sql / 19 Field.filter_function
                throw OdooFault.application(
                        "ValueError", "Non-stored field " + current.model() + "." + f.name() + " cannot be searched.");
            }
            chain.add(f);
            if (i < parts.length - 1) {
                current = f.isRelational() && orm.db().hasModel(f.relation())
                        ? orm.db().table(f.relation())
                        : null;
            }
        }
        return chain;
    }
}
