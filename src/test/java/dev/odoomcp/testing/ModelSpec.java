package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builder for one model of a fake database: fields (with {@code fields_get} metadata), records,
 * default order, display-name rule, access restrictions and business methods. Obtained from
 * {@link DatabaseSpec#model(String, String, java.util.function.Consumer)}.
 */
public final class ModelSpec {

    /** A registered business method; {@code onRecords} false means {@code @api.model}. */
    record MethodSpec(String name, boolean onRecords, FakeMethod handler) {}

    private final String model;
    private String description;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final List<Map<String, Object>> records = new ArrayList<>();
    private final Map<String, MethodSpec> methods = new LinkedHashMap<>();
    private final Map<String, String> checks = new LinkedHashMap<>();
    private final Map<String, Function<FakeRecords, Object>> computes = new LinkedHashMap<>();
    private String order = "id";
    private Function<FakeRecords, String> displayName;
    private String readGroup;
    private String writeGroup;
    private boolean transientModel;
    private final List<java.util.function.BiConsumer<FakeRecords, Map<String, Object>>> beforeCreate =
            new ArrayList<>();

    ModelSpec(String model, String description) {
        this.model = model;
        this.description = description;
    }

    public ModelSpec description(String value) {
        this.description = value;
        return this;
    }

    public ModelSpec field(FieldSpec spec) {
        if (spec.isRelational() && spec.relation() == null) {
            throw new IllegalArgumentException("Relational field " + model + "." + spec.name() + " needs a relation");
        }
        fields.put(spec.name(), spec);
        return this;
    }

    public ModelSpec field(String name, String type) {
        return field(FieldSpec.of(name, type));
    }

    public ModelSpec field(String name, String type, boolean required) {
        FieldSpec spec = FieldSpec.of(name, type);
        return field(required ? spec.asRequired() : spec);
    }

    /** A relational field: many2one or many2many to {@code relation}. */
    public ModelSpec field(String name, String type, String relation) {
        return field(FieldSpec.of(name, type).relation(relation));
    }

    /** A one2many whose content is every {@code relation} record whose {@code inverse} points here. */
    public ModelSpec one2many(String name, String relation, String inverse) {
        return field(FieldSpec.of(name, "one2many").relation(relation).inverse(inverse));
    }

    public ModelSpec selection(String name, String... valueLabelPairs) {
        return field(FieldSpec.of(name, "selection").selection(valueLabelPairs));
    }

    /**
     * A field whose value is computed on every read from the record (a single-record set), e.g.
     * an order's total from its lines. Values written to it are ignored, as for Odoo computes.
     */
    public ModelSpec compute(FieldSpec spec, Function<FakeRecords, Object> rule) {
        field(spec);
        computes.put(spec.name(), rule);
        return this;
    }

    /** Adds a record; an {@code id} key fixes its id, otherwise the next free id is used. */
    public ModelSpec record(Map<String, ?> values) {
        records.add(new LinkedHashMap<>(values));
        return this;
    }

    /** Default {@code order} of searches, e.g. {@code "sequence, name, id"} or {@code "date desc, id desc"}. */
    public ModelSpec order(String value) {
        this.order = value;
        return this;
    }

    /** How {@code display_name} is computed; default: the {@code name} field. */
    public ModelSpec displayName(Function<FakeRecords, String> rule) {
        this.displayName = rule;
        return this;
    }

    /** Only users in {@code group} may read (others get AccessError naming the group). */
    public ModelSpec restrictRead(String group) {
        this.readGroup = group;
        return this;
    }

    /** Only users in {@code group} may create, write or unlink. */
    public ModelSpec restrictWrite(String group) {
        this.writeGroup = group;
        return this;
    }

    /** {@code create} fails with "The operation cannot be completed: {message}" when {@code field} is empty. */
    public ModelSpec check(String field, String message) {
        checks.put(field, message);
        return this;
    }

    public ModelSpec transientModel() {
        this.transientModel = true;
        return this;
    }

    /**
     * A rule run on the values of every {@code create} before they are stored, with the model's (empty)
     * record set for lookups: fills stored related or default fields from other values, or refuses
     * values as an Odoo {@code create} override or constraint does (throw an {@link OdooFault}).
     */
    public ModelSpec beforeCreate(java.util.function.BiConsumer<FakeRecords, Map<String, Object>> rule) {
        beforeCreate.add(rule);
        return this;
    }

    /** A business method on records, e.g. {@code button_confirm}. */
    public ModelSpec method(String name, FakeMethod handler) {
        methods.put(name, new MethodSpec(name, true, handler));
        return this;
    }

    /** A model-level ({@code @api.model}) business method: called without ids. */
    public ModelSpec modelMethod(String name, FakeMethod handler) {
        methods.put(name, new MethodSpec(name, false, handler));
        return this;
    }

    List<java.util.function.BiConsumer<FakeRecords, Map<String, Object>>> beforeCreateRules() {
        return beforeCreate;
    }

    String model() {
        return model;
    }

    String descriptionText() {
        return description;
    }

    Map<String, FieldSpec> fields() {
        return Collections.unmodifiableMap(fields);
    }

    List<Map<String, Object>> records() {
        return records;
    }

    Map<String, MethodSpec> methods() {
        return methods;
    }

    Map<String, Function<FakeRecords, Object>> computes() {
        return computes;
    }

    Map<String, String> checks() {
        return checks;
    }

    String defaultOrder() {
        return order;
    }

    Function<FakeRecords, String> displayNameRule() {
        return displayName;
    }

    String readGroupName() {
        return readGroup;
    }

    String writeGroupName() {
        return writeGroup;
    }

    boolean isTransient() {
        return transientModel;
    }
}
