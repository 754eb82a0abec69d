package dev.odoomcp.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The live rows of one model in one fake database. Guarded by the database's lock. */
final class Table {

    private static final List<FieldSpec> MAGIC = List.of(
            FieldSpec.of("id", "integer").string("ID").asReadonly(),
            FieldSpec.of("display_name", "char").string("Display Name").computed(),
            FieldSpec.of("create_date", "datetime").string("Created on").asReadonly(),
            FieldSpec.of("write_date", "datetime").string("Last Updated on").asReadonly());

    private final ModelSpec spec;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final TreeMap<Long, Map<String, Object>> rows = new TreeMap<>();
    private long nextId = 1;

    Table(ModelSpec spec) {
        this.spec = spec;
        fields.putAll(spec.fields());
        MAGIC.forEach(f -> fields.putIfAbsent(f.name(), f));
    }

    String model() {
        return spec.model();
    }

    ModelSpec spec() {
        return spec;
    }

    Map<String, FieldSpec> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** The field, or {@code null} when the model has none of that name. */
    FieldSpec field(String name) {
        return fields.get(name);
    }

    boolean hasActive() {
        FieldSpec active = fields.get("active");
        return active != null && active.type().equals("boolean");
    }

    TreeMap<Long, Map<String, Object>> rows() {
        return rows;
    }

    Map<String, Object> row(long id) {
        return rows.get(id);
    }

    long insert(Long requestedId, Map<String, Object> values) {
        long id = requestedId != null ? requestedId : nextId;
        if (rows.containsKey(id)) {
            throw new IllegalArgumentException("Duplicate id " + id + " in " + model());
        }
        nextId = Math.max(nextId, id + 1);
        Map<String, Object> row = new LinkedHashMap<>(values);
        row.put("id", id);
        rows.put(id, row);
        return id;
    }
}
