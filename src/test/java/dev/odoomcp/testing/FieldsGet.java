package dev.odoomcp.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code fields_get}: field metadata in Odoo's shape, attributes in alphabetical order as Odoo sends them. */
final class FieldsGet {

    private FieldsGet() {}

    static Map<String, Object> describe(Table t, List<String> allfields, List<String> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldSpec f : t.fields().values()) {
            if (allfields != null && !allfields.contains(f.name())) {
                continue;
            }
            Map<String, Object> attrs = attributes(f);
            if (attributes != null) {
                attrs.keySet().retainAll(attributes);
            }
            out.put(f.name(), attrs);
        }
        return out;
    }

    private static Map<String, Object> attributes(FieldSpec f) {
        Map<String, Object> a = new TreeMap<>();
        a.put("name", f.name());
        a.put("string", f.string());
        a.put("type", f.type());
        a.put("required", f.required());
        a.put("readonly", f.readonly());
        a.put("store", f.store());
        a.put("searchable", true);
        a.put("sortable", f.store() && !f.isX2many());
        a.put("groupable", f.store() && !f.type().equals("one2many"));
        if (f.help() != null) {
            a.put("help", f.help());
        }
        if (f.relation() != null) {
            a.put("relation", f.relation());
        }
        if (f.inverse() != null) {
            a.put("relation_field", f.inverse());
        }
        if (f.selection() != null) {
            a.put("selection", f.selection());
        }
        if (f.isNumeric()) {
            a.put("aggregator", "sum");
        }
        return a;
    }
}
