package dev.odoomcp.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.odoomcp.odoo.OrmCalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a call would change, shown to the user before they confirm it: a sentence, the model, the records
 * by display name (one bounded read), the method and the new values. A tool builds it in
 * {@link OdooTool#preview}; {@link #words()} is what the user reads.
 *
 * @param action what would be done, as a sentence ("Delete 2 records of res.partner permanently.")
 * @param model the model, or null for a tool without one
 * @param method the method that would run, for call_method
 * @param records the first {@value #SHOWN} records, id and display name
 * @param moreRecords how many further ids the call names (not read)
 * @param missingIds ids among those read that do not exist or are not visible: nothing would happen to them
 * @param changes the new values or arguments, as the call gives them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangePreview(
        String action,
        @Nullable String model,
        @Nullable String method,
        @Nullable List<Named> records,
        @JsonProperty("more_records") @Nullable Integer moreRecords,
        @JsonProperty("missing_ids") @Nullable List<Long> missingIds,
        @Nullable JsonNode changes) {

    /** Records read for a preview: enough to recognise them, few enough for a dialog. */
    static final int SHOWN = 20;

    private static final int NAME_CHARS = 80;
    private static final int CHANGES_CHARS = 600;

    /** One record as the user knows it. */
    public record Named(
            long id, @JsonProperty("display_name") String displayName) {}

    /**
     * A preview of {@code action} on {@code ids} of {@code model}: reads the display names of the first
     * {@value #SHOWN} ids (one {@code search_read}: ids that vanished are simply not returned).
     */
    public static ChangePreview of(String action, String model, List<Long> ids, OdooSession session) {
        if (ids.isEmpty()) {
            return new ChangePreview(action, model, null, null, null, null, null);
        }
        List<Long> read = ids.subList(0, Math.min(SHOWN, ids.size()));
        JsonNode rows = session.execute(OrmCalls.searchRead(
                model,
                List.of(List.of("id", "in", read.stream().map(Long::intValue).toList())),
                List.of("display_name"),
                null,
                null,
                null));
        Map<Long, String> names = new LinkedHashMap<>();
        rows.forEach(row -> names.put(
                row.path("id").asLong(),
                ToolArguments.abbreviate(row.path("display_name").asString("").strip())));
        List<Named> records = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : read) {
            if (names.containsKey(id)) {
                String name = names.get(id);
                records.add(
                        new Named(id, name.length() > NAME_CHARS ? name.substring(0, NAME_CHARS - 3) + "..." : name));
            } else {
                missing.add(id);
            }
        }
        return new ChangePreview(
                action,
                model,
                null,
                records,
                ids.size() > read.size() ? ids.size() - read.size() : null,
                missing.isEmpty() ? null : missing,
                null);
    }

    public ChangePreview withMethod(String name) {
        return new ChangePreview(action, model, name, records, moreRecords, missingIds, changes);
    }

    public ChangePreview withChanges(@Nullable JsonNode values) {
        return new ChangePreview(
                action,
                model,
                method,
                records,
                moreRecords,
                missingIds,
                values == null || values.isEmpty() ? null : values);
    }

    /** The preview as the user reads it in a confirmation dialog. */
    public String words() {
        StringBuilder text = new StringBuilder(action);
        if (records != null && !records.isEmpty()) {
            text.append("\nRecords: ")
                    .append(records.stream()
                            .map(r -> r.displayName() + " (#" + r.id() + ")")
                            .collect(Collectors.joining(", ")));
            if (moreRecords != null) {
                text.append(", and ").append(moreRecords).append(" more");
            }
            text.append('.');
        }
        if (missingIds != null) {
            text.append("\nNot found (already gone or not visible, nothing happens to them): ")
                    .append(missingIds.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (changes != null) {
            String shown = changes.toString();
            text.append("\nChanges: ")
                    .append(shown.length() > CHANGES_CHARS ? shown.substring(0, CHANGES_CHARS - 3) + "..." : shown);
        }
        return text.toString();
    }
}
