package dev.odoomcp.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one model as the calling user sees them. Used to validate field names before
 * Odoo is asked, to pick a short default field list, and to format values by type.
 */
public record ModelMetadata(String model, Map<String, FieldInfo> fields) {

    /** Names that usually carry the business meaning of a record, in the order they help most. */
    private static final List<String> PREFERRED = List.of(
            "display_name",
            "name",
            "default_code",
            "ref",
            "state",
            "partner_id",
            "product_id",
            "employee_id",
            "user_id",
            "project_id",
            "task_id",
            "date",
            "date_order",
            "date_start",
            "date_deadline",
            "date_planned_start",
            "date_planned",
            "scheduled_date",
            "email",
            "phone",
            "quantity",
            "product_qty",
            "product_uom_qty",
            "qty_available",
            "unit_amount",
            "list_price",
            "amount_total",
            "amount_untaxed",
            "price_unit",
            "location_id",
            "warehouse_id",
            "company_id",
            "active");

    private static final Set<String> NOISE = Set.of(
            "id",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
            "__last_update",
            "message_main_attachment_id",
            "access_url",
            "access_warning");
    private static final int DEFAULT_FIELD_COUNT = 15;

    public ModelMetadata {
        fields = Map.copyOf(fields);
    }

    /**
     * A rough upper estimate of the heap this metadata holds (strings at two bytes a character plus
     * object overhead), so that the cache can be bounded by memory: a hostile Odoo may describe a
     * model with millions of fields.
     */
    int estimatedBytes() {
        long bytes = 64L + model.length() * 2L;
        for (FieldInfo f : fields.values()) {
            bytes += 160
                    + 2L
                            * (f.name().length() * 2L
                                    + length(f.label())
                                    + length(f.type())
                                    + length(f.relation())
                                    + length(f.help()));
            if (f.selection() != null) {
                for (List<String> option : f.selection()) {
                    bytes += 96;
                    for (String part : option) {
                        bytes += 48 + 2L * length(part);
                    }
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static int length(@Nullable String s) {
        return s == null ? 0 : s.length();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** Whether the model has a chatter: it inherits {@code mail.thread}, whose {@code message_ids} it then has. */
    public boolean hasChatter() {
        return fields.containsKey("message_ids");
    }

    /** Whether records of the model take activities: it inherits {@code mail.activity.mixin} ({@code activity_ids}). */
    public boolean hasActivities() {
        return fields.containsKey("activity_ids");
    }

    public @Nullable FieldInfo field(String name) {
        return fields.get(name);
    }

    /** A short list of useful fields: stored, not binary, not HTML, not to-many, not secret. */
    public List<String> defaultFields() {
        List<String> chosen = new ArrayList<>();
        for (String name : PREFERRED) {
            if (fields.containsKey(name) && suitable(fields.get(name), name.equals("display_name"))) {
                chosen.add(name);
            }
        }
        if (chosen.contains("display_name") && chosen.contains("name")) {
            chosen.remove("display_name");
        }
        fields.values().stream()
                .filter(f -> !chosen.contains(f.name()) && suitable(f, false))
                .sorted(Comparator.comparing((FieldInfo f) -> !f.required())
                        .thenComparing(f -> typeRank(f.type()))
                        .thenComparing(FieldInfo::name))
                .limit(Math.max(0, DEFAULT_FIELD_COUNT - chosen.size()))
                .forEach(f -> chosen.add(f.name()));
        return chosen.size() > DEFAULT_FIELD_COUNT ? List.copyOf(chosen.subList(0, DEFAULT_FIELD_COUNT)) : chosen;
    }

    /** The closest existing field names to a misspelt one, for "did you mean" hints. */
    List<String> suggestions(String wrong) {
        return closest(fields.keySet(), wrong);
    }

    /** Up to three of {@code names} within a few edits of {@code wrong}, closest first. */
    static List<String> closest(java.util.Collection<String> names, String wrong) {
        return names.stream()
                .sorted(Comparator.comparingInt((String f) -> distance(f, wrong))
                        .thenComparing(f -> f))
                .filter(f -> distance(f, wrong) <= Math.max(2, wrong.length() / 3))
                .limit(3)
                .toList();
    }

    /** Fields as a map in a stable order, required first, for describe_model. */
    public Map<String, FieldInfo> describe(@Nullable List<String> only) {
        Map<String, FieldInfo> described = new LinkedHashMap<>();
        fields.values().stream()
                .filter(f -> only == null || only.contains(f.name()))
                .filter(f -> !AccessPolicy.isSecretField(f.name()))
                .sorted(Comparator.comparing((FieldInfo f) -> !f.required()).thenComparing(FieldInfo::name))
                .forEach(f -> described.put(f.name(), f));
        return described;
    }

    private static boolean suitable(FieldInfo field, boolean computedAllowed) {
        return (field.stored() || computedAllowed)
                && !field.isBinary()
                && !"html".equals(field.type())
                && !field.isToMany()
                && !NOISE.contains(field.name())
                && !field.name().startsWith("message_")
                && !field.name().startsWith("activity_")
                && !field.name().startsWith("website_")
                && !AccessPolicy.isSecretField(field.name());
    }

    private static int typeRank(String type) {
        return switch (type) {
            case "many2one", "char", "selection" -> 0;
            case "date", "datetime", "monetary", "float", "integer" -> 1;
            case "boolean" -> 2;
            default -> 3;
        };
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
