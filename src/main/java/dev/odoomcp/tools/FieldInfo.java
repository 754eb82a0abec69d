package dev.odoomcp.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the assistant needs to know of one field, reduced from Odoo's {@code fields_get}.
 *
 * @param name technical name
 * @param label the label users see ({@code string})
 * @param type Odoo field type (char, many2one, selection, ...)
 * @param required must be given on create
 * @param readonly cannot be written directly
 * @param relation target model of relational fields
 * @param selection allowed values of selection fields as [value, label] pairs
 * @param help the field's tooltip
 * @param stored whether the value is stored (only stored fields can be grouped and sorted on)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldInfo(
        String name,
        String label,
        String type,
        boolean required,
        boolean readonly,
        @Nullable String relation,
        @Nullable List<List<String>> selection,
        @Nullable String help,
        boolean stored) {

    public boolean isRelational() {
        return relation != null;
    }

    public boolean isToMany() {
        return "one2many".equals(type) || "many2many".equals(type);
    }

    public boolean isBinary() {
        return "binary".equals(type) || "image".equals(type);
    }
}
