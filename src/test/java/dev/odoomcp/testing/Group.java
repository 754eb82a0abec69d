package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One group of a read_group: its key per group-by, what it sorts on, and its records. */
record Group(List<Object> key, List<Object> sortKey, List<Long> ids) {

    Group(List<Object> key, List<Long> ids) {
        this(key, key, ids);
    }

    static List<Group> collect(Orm orm, Table t, List<?> domain, List<GroupBy> groupbys) {
        Map<List<Object>, List<Long>> byKey = new LinkedHashMap<>();
        for (long id : orm.search(t, domain, 0, null, "id")) {
            Object[] key = new Object[groupbys.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = groupbys.get(i).key(orm, t, id);
            }
            byKey.computeIfAbsent(Arrays.asList(key), k -> new ArrayList<>()).add(id);
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, ids) -> {
            Object[] sort = new Object[key.size()];
            for (int i = 0; i < sort.length; i++) {
                sort[i] = groupbys.get(i).sortKey(orm, key.get(i));
            }
            groups.add(new Group(key, Arrays.asList(sort), ids));
        });
        return groups;
    }

    /** The group's own domain (all group-bys AND-ed), without the caller's domain. */
    List<Object> domain(List<GroupBy> groupbys) {
        List<List<?>> parts = new ArrayList<>();
        for (int i = 0; i < groupbys.size(); i++) {
            parts.add(groupbys.get(i).domain(key.get(i)));
        }
        return DomainOps.andAll(parts);
    }
}
