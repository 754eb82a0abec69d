package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One aggregate of a read_group: output key, field and SQL-like function ({@code sum}, {@code avg},
 * {@code min}, {@code max}, {@code count}, {@code count_distinct}, {@code bool_and}, {@code bool_or},
 * {@code array_agg}). {@code field == null} is {@code __count}.
 */
record Aggregate(String key, FieldSpec field, String function) {

    private static final Set<String> FUNCTIONS =
            Set.of("sum", "avg", "min", "max", "count", "count_distinct", "bool_and", "bool_or", "array_agg");
    private static final Pattern PLAIN = Pattern.compile("(\\w+)(?::(\\w+))?");
    private static final Pattern ALIASED = Pattern.compile("(\\w+):(\\w+)\\((\\w+)\\)");

    /** {@code read_group}'s {@code fields}: {@code amount}, {@code amount:sum}, {@code total:sum(amount)}. */
    static List<Aggregate> parseLegacy(Table t, List<String> specs, List<GroupBy> groupbys) {
        List<Aggregate> out = new ArrayList<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            Matcher aliased = ALIASED.matcher(spec.trim());
            Matcher plain = PLAIN.matcher(spec.trim());
            if (spec.equals("__count")) {
                continue;
            }
            if (aliased.matches()) {
                out.add(of(t, aliased.group(1), aliased.group(3), aliased.group(2), spec));
            } else if (plain.matches()) {
                FieldSpec f = field(t, plain.group(1), spec);
                boolean grouped =
                        groupbys.stream().anyMatch(g -> g.field().name().equals(f.name()));
                String fn = plain.group(2) != null ? plain.group(2) : f.isNumeric() ? "sum" : null;
                if (fn != null && !grouped && !f.name().equals("id")) {
                    out.add(of(t, f.name(), f.name(), fn, spec));
                }
            } else {
                throw OdooFault.application("ValueError", "Invalid field specification " + Py.repr(spec));
            }
        }
        return out;
    }

    /** {@code formatted_read_group}'s {@code aggregates}: {@code __count} or {@code field:function}. */
    static List<Aggregate> parseStrict(Table t, List<String> specs) {
        List<Aggregate> out = new ArrayList<>();
        for (String spec : specs) {
            Matcher m = PLAIN.matcher(spec);
            if (spec.equals("__count")) {
                out.add(new Aggregate("__count", null, "count"));
            } else if (m.matches() && m.group(2) != null) {
                out.add(of(t, spec, m.group(1), m.group(2), spec));
            } else {
                throw OdooFault.application("ValueError", "Invalid aggregate specification " + Py.repr(spec));
            }
        }
        return out;
    }

    private static Aggregate of(Table t, String key, String fieldName, String function, String spec) {
        FieldSpec f = field(t, fieldName, spec);
        if (!FUNCTIONS.contains(function)) {
            throw OdooFault.application("ValueError", "Invalid aggregation function " + Py.repr(function));
        }
        return new Aggregate(key, f, function);
    }

    private static FieldSpec field(Table t, String name, String spec) {
        FieldSpec f = t.field(name);
        if (f == null) {
            throw OdooFault.application(
                    "ValueError",
                    "Invalid field " + Py.repr(name) + " on model " + Py.repr(t.model()) + " for " + Py.repr(spec)
                            + ".");
        }
        return f;
    }

    Object compute(Orm orm, Table t, List<Long> ids) {
        if (field == null) {
            return (long) ids.size();
        }
        List<Object> values = new ArrayList<>();
        for (long id : ids) {
            values.add(field.name().equals("id") ? Long.valueOf(id) : orm.stored(t, id, field.name()));
        }
        List<Object> present = values.stream().filter(Objects::nonNull).toList();
        boolean integral = field.type().equals("integer") || field.type().equals("many2one");
        return switch (function) {
            case "count" -> (long) present.size();
            case "count_distinct" -> (long) new LinkedHashSet<>(present).size();
            case "sum" ->
                integral
                        ? (Object) present.stream()
                                .mapToLong(v -> ((Number) v).longValue())
                                .sum()
                        : (Object) present.stream()
                                .mapToDouble(v -> ((Number) v).doubleValue())
                                .sum();
            case "avg" ->
                present.isEmpty()
                        ? false
                        : present.stream()
                                .mapToDouble(v -> ((Number) v).doubleValue())
                                .average()
                                .orElse(0);
            case "min" -> present.stream().min(Order::compareValues).orElse(false);
            case "max" -> present.stream().max(Order::compareValues).orElse(false);
            case "bool_and" -> values.stream().allMatch(Boolean.TRUE::equals);
            case "bool_or" -> values.stream().anyMatch(Boolean.TRUE::equals);
            default -> values.stream().map(v -> v == null ? (Object) false : v).toList();
        };
    }
}
