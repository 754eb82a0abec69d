package dev.odoomcp.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One field of a fake model, with the metadata {@code fields_get} reports. Immutable; refine with
 * the {@code with…} style methods, e.g. {@code FieldSpec.of("partner_id", "many2one").relation("res.partner")
 * .string("Vendor").asRequired()}.
 *
 * @param name technical name
 * @param type Odoo field type (char, text, html, integer, float, monetary, boolean, date,
 *             datetime, selection, many2one, one2many, many2many, binary)
 * @param string label
 * @param required whether {@code create} refuses a record without it
 * @param readonly reported as readonly by {@code fields_get} (not enforced, as in Odoo's ORM)
 * @param relation comodel of a relational field, else {@code null}
 * @param inverse for one2many: the many2one on the comodel pointing back, else {@code null}
 * @param selection {@code [[value, label], ...]} for selection fields, else {@code null}
 * @param help tooltip, or {@code null}
 * @param store whether the field is stored (non-stored fields cannot be grouped)
 * @param defaultValue value given on {@code create} when none is passed (a {@code Supplier} is called
 *                     each time, e.g. for sequences), or {@code null}
 */
public record FieldSpec(
        String name,
        String type,
        String string,
        boolean required,
        boolean readonly,
        String relation,
        String inverse,
        List<List<String>> selection,
        String help,
        boolean store,
        Object defaultValue) {

    static final Set<String> TYPES = Set.of(
            "char",
            "text",
            "html",
            "integer",
            "float",
            "monetary",
            "boolean",
            "date",
            "datetime",
            "selection",
            "many2one",
            "one2many",
            "many2many",
            "binary");

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unsupported field type '" + type + "' for field " + name);
        }
        selection =
                selection == null ? null : selection.stream().map(List::copyOf).toList();
    }

    /** A field with a label derived from its name ({@code date_start} → {@code Date Start}). */
    public static FieldSpec of(String name, String type) {
        return new FieldSpec(name, type, labelFor(name), false, false, null, null, null, null, true, null);
    }

    public FieldSpec string(String label) {
        return new FieldSpec(
                name, type, label, required, readonly, relation, inverse, selection, help, store, defaultValue);
    }

    public FieldSpec asRequired() {
        return new FieldSpec(
                name, type, string, true, readonly, relation, inverse, selection, help, store, defaultValue);
    }

    public FieldSpec asReadonly() {
        return new FieldSpec(
                name, type, string, required, true, relation, inverse, selection, help, store, defaultValue);
    }

    public FieldSpec relation(String comodel) {
        return new FieldSpec(
                name, type, string, required, readonly, comodel, inverse, selection, help, store, defaultValue);
    }

    /** For one2many: the comodel's many2one field that points back at this record. */
    public FieldSpec inverse(String inverseField) {
        return new FieldSpec(
                name, type, string, required, readonly, relation, inverseField, selection, help, store, defaultValue);
    }

    /** Selection values as alternating value, label pairs: {@code selection("draft", "Draft", "done", "Done")}. */
    public FieldSpec selection(String... valueLabelPairs) {
        List<List<String>> pairs = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < valueLabelPairs.length; i += 2) {
            pairs.add(List.of(valueLabelPairs[i], valueLabelPairs[i + 1]));
        }
        return new FieldSpec(
                name, type, string, required, readonly, relation, inverse, pairs, help, store, defaultValue);
    }

    public FieldSpec help(String text) {
        return new FieldSpec(
                name, type, string, required, readonly, relation, inverse, selection, text, store, defaultValue);
    }

    public FieldSpec computed() {
        return new FieldSpec(
                name, type, string, required, true, relation, inverse, selection, help, false, defaultValue);
    }

    public FieldSpec defaultValue(Object value) {
        return new FieldSpec(name, type, string, required, readonly, relation, inverse, selection, help, store, value);
    }

    boolean isRelational() {
        return isRelational(type);
    }

    boolean isX2many() {
        return type.equals("one2many") || type.equals("many2many");
    }

    boolean isNumeric() {
        return type.equals("integer") || type.equals("float") || type.equals("monetary");
    }

    static boolean isRelational(String type) {
        return type.equals("many2one") || type.equals("one2many") || type.equals("many2many");
    }

    static String labelFor(String name) {
        String base = name.replaceAll("_ids?$", "");
        return Arrays.stream(base.split("_"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1))
                .collect(Collectors.joining(" "));
    }
}
