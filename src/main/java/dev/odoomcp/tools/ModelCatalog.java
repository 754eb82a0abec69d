package dev.odoomcp.tools;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.odoomcp.odoo.OdooErrorKind;
import dev.odoomcp.odoo.OdooException;
import dev.odoomcp.odoo.OrmCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The models of each caller's Odoo as {@link ModelMetadata}: {@code fields_get} fetched once per
 * tenant, companies and model, then cached (keyed by the credentials' fingerprint, so one tenant never
 * sees another's fields; bounded by memory, {@code ODOO_MCP_METADATA_CACHE_SIZE}). An unknown model
 * comes back with the closest model names the caller may use.
 */
@Component
public class ModelCatalog {

    private static final List<String> FIELD_ATTRIBUTES =
            List.of("string", "type", "required", "readonly", "relation", "selection", "help", "store");

    private final AccessPolicy policy;
    private final Cache<String, ModelMetadata> metadata;

    ModelCatalog(AccessPolicy policy, ToolsProperties properties) {
        this.policy = policy;
        this.metadata = Caffeine.newBuilder()
                .maximumWeight(properties.metadataCacheSize().toBytes())
                .weigher((String key, ModelMetadata value) -> key.length() * 2 + value.estimatedBytes())
                .expireAfterWrite(properties.metadataCacheTtl())
                .build();
    }

    /** The model's fields as this caller sees them; fetched once per tenant and model, then cached. */
    public ModelMetadata metadata(OdooSession session, String model) {
        String key = session.credentials().fingerprint() + "|" + session.companyIds() + "|" + model;
        ModelMetadata cached = metadata.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer;
        try {
            answer = session.execute(OrmCalls.fieldsGet(model, FIELD_ATTRIBUTES));
        } catch (OdooException e) {
            throw e.kind() == OdooErrorKind.NOT_FOUND ? unknownModel(session, model, e) : e;
        }
        ModelMetadata loaded = parse(model, answer);
        metadata.put(key, loaded);
        return loaded;
    }

    /** Odoo's "no such model", with the closest installed model names the caller may use. */
    private OdooException unknownModel(OdooSession session, String model, OdooException original) {
        List<Object> domain = new ArrayList<>();
        for (String segment : model.split("\\.")) {
            if (segment.length() >= 3) {
                domain.add(List.of("model", "ilike", segment.substring(0, 3)));
            }
        }
        int conditions = domain.size();
        for (int i = 1; i < conditions; i++) {
            domain.add(0, "|");
        }
        List<String> close;
        try {
            JsonNode rows =
                    session.execute(OrmCalls.searchRead("ir.model", domain, List.of("model"), null, 1000, null));
            List<String> names = new ArrayList<>();
            rows.forEach(row -> names.add(row.path("model").asString()));
            close = ModelMetadata.closest(
                    names.stream().filter(policy::readable).toList(), model);
        } catch (OdooException e) {
            return original;
        }
        if (close.isEmpty()) {
            return original;
        }
        return new OdooException(
                original.kind(),
                "Model '" + model + "' does not exist in this Odoo; did you mean "
                        + String.join(
                                " or ", close.stream().map(s -> "'" + s + "'").toList())
                        + "? Call list_models to see the available models.");
    }

    /** {@code fields_get}'s answer reduced to what the tools use. */
    private static ModelMetadata parse(String model, JsonNode answer) {
        Map<String, FieldInfo> fields = new HashMap<>();
        answer.properties().forEach(entry -> {
            JsonNode f = entry.getValue();
            List<List<String>> selection = null;
            if (f.path("selection").isArray()) {
                selection = new ArrayList<>();
                for (JsonNode option : f.get("selection")) {
                    if (option.isArray() && option.size() == 2) {
                        selection.add(
                                List.of(option.get(0).asString(), option.get(1).asString()));
                    }
                }
            }
            String relation = f.path("relation").isString()
                            && !f.path("relation").asString().isEmpty()
                    ? f.get("relation").asString()
                    : null;
            String help = f.path("help").isString() ? f.get("help").asString() : null;
            fields.put(
                    entry.getKey(),
                    new FieldInfo(
                            entry.getKey(),
                            f.path("string").asString(entry.getKey()),
                            f.path("type").asString("char"),
                            f.path("required").asBoolean(false),
                            f.path("readonly").asBoolean(false),
                            relation,
                            selection,
                            help,
                            !f.has("store") || f.path("store").asBoolean(true)));
        });
        return new ModelMetadata(model, fields);
    }
}
