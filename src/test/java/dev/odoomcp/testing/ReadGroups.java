package dev.odoomcp.testing;

import dev.odoomcp.testing.Methods.Invocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code read_group} (Odoo ≤ 18 shape: {@code __count} or {@code <field>_count}, {@code __domain},
 * date labels and {@code __range}) and {@code formatted_read_group} (19 shape: {@code field:agg}
 * keys, {@code __extra_domain}, dates as {@code [start, label]}) over the fake ORM.
 */
final class ReadGroups {

    private ReadGroups() {}

    static Object readGroup(Invocation c) {
        Table t = c.table();
        List<String> specs = Builtins.strings(c.arg("groupby"));
        List<GroupBy> all = GroupBy.parseAll(t, specs == null ? List.of() : specs, "month");
        boolean lazy = !Boolean.FALSE.equals(c.arg("lazy"));
        List<GroupBy> groupbys = lazy && all.size() > 1 ? all.subList(0, 1) : all;
        List<Aggregate> aggs = Aggregate.parseLegacy(t, Builtins.strings(c.arg("fields")), groupbys);
        List<?> domain = Builtins.domain(c.arg("domain"));
        List<Group> groups = Group.collect(c.orm(), t, domain, groupbys);
        sort(groups, c.arg("orderby"), groupbys);
        List<Object> out = new ArrayList<>();
        for (Group g : page(groups, c.arg("offset"), c.arg("limit"))) {
            Map<String, Object> row = new LinkedHashMap<>();
            Map<String, Object> range = new LinkedHashMap<>();
            for (int i = 0; i < groupbys.size(); i++) {
                GroupBy gb = groupbys.get(i);
                row.put(gb.spec(), gb.legacyValue(c.orm(), g.key().get(i)));
                if (gb.granularity() != null && g.key().get(i) != null) {
                    range.put(gb.spec(), gb.range((LocalDate) g.key().get(i)));
                }
            }
            String countKey =
                    lazy && !groupbys.isEmpty() ? groupbys.get(0).field().name() + "_count" : "__count";
            row.put(countKey, (long) g.ids().size());
            aggs.forEach(a -> row.put(a.key(), a.compute(c.orm(), t, g.ids())));
            row.put("__domain", DomainOps.and(g.domain(groupbys), domain));
            if (!range.isEmpty()) {
                row.put("__range", range);
            }
            if (lazy && all.size() > 1) {
                row.put("__context", Map.of("group_by", specs.subList(1, specs.size())));
            }
            out.add(row);
        }
        return out;
    }

    static Object formattedReadGroup(Invocation c) {
        Table t = c.table();
        List<String> specs = Builtins.strings(c.arg("groupby"));
        List<GroupBy> groupbys = GroupBy.parseAll(t, specs == null ? List.of() : specs, null);
        List<String> aggSpecs = Builtins.strings(c.arg("aggregates"));
        List<Aggregate> aggs = Aggregate.parseStrict(t, aggSpecs == null ? List.of() : aggSpecs);
        List<Group> groups = Group.collect(c.orm(), t, Builtins.domain(c.arg("domain")), groupbys);
        if (groupbys.isEmpty() && groups.isEmpty()) {
            groups.add(new Group(List.of(), List.of()));
        }
        sort(groups, c.arg("order"), groupbys);
        List<Object> out = new ArrayList<>();
        for (Group g : page(groups, c.arg("offset"), c.arg("limit"))) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < groupbys.size(); i++) {
                row.put(
                        groupbys.get(i).spec(),
                        groupbys.get(i).formattedValue(c.orm(), g.key().get(i)));
            }
            List<Object> extra = g.domain(groupbys);
            row.put("__extra_domain", extra.isEmpty() ? List.of(List.of(1L, "=", 1L)) : extra);
            aggs.forEach(a -> row.put(a.key(), a.compute(c.orm(), t, g.ids())));
            out.add(row);
        }
        return out;
    }

    private static List<Group> page(List<Group> groups, Object offset, Object limit) {
        int from = (int) Math.min(Builtins.number(offset, 0), groups.size());
        Long max = Builtins.nullableNumber(limit);
        int to = max == null ? groups.size() : (int) Math.min(groups.size(), from + max);
        return groups.subList(from, to);
    }

    /** Sorts on group-by keys ({@code order} may name them, with {@code desc}); default: all group-bys ascending. */
    private static void sort(List<Group> groups, Object order, List<GroupBy> groupbys) {
        Comparator<Group> cmp = null;
        List<String> terms = order instanceof String s && !s.isBlank() ? List.of(s.split(",")) : List.of();
        for (String term : terms) {
            String[] words = term.trim().split("\\s+");
            int index = indexOf(groupbys, words[0]);
            if (index >= 0) {
                Comparator<Group> one = byKey(index);
                cmp = then(cmp, words.length > 1 && words[1].equalsIgnoreCase("desc") ? one.reversed() : one);
            }
        }
        for (int i = 0; i < groupbys.size(); i++) {
            cmp = then(cmp, byKey(i));
        }
        if (cmp != null) {
            groups.sort(cmp);
        }
    }

    private static int indexOf(List<GroupBy> groupbys, String name) {
        for (int i = 0; i < groupbys.size(); i++) {
            if (groupbys.get(i).spec().equals(name)
                    || groupbys.get(i).field().name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Comparator<Group> byKey(int index) {
        return Comparator.comparing((Group g) -> g.sortKey().get(index), Comparator.nullsLast(Order::compareValues));
    }

    private static Comparator<Group> then(Comparator<Group> first, Comparator<Group> next) {
        return first == null ? next : first.thenComparing(next);
    }
}
