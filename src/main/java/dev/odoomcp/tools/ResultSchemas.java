package dev.odoomcp.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * The {@code outputSchema} of a tool, generated (JSON Schema 2020-12) from its result record, so the
 * schema cannot drift from the JSON the tool writes: property names and descriptions from the Jackson
 * annotations, minimums from {@code @Positive}/{@code @PositiveOrZero}. A component is required unless
 * it is {@link Nullable} and left out when null ({@code @JsonInclude(NON_NULL)}); a {@link Nullable}
 * component that is written as {@code null} is required and may be null ({@code anyOf} with
 * {@code null}). {@link JsonNode} components (a method's result) accept any value, {@link ObjectNode}
 * (records, groups) any object.
 */
final class ResultSchemas {

    /** Immutable once built and thread-safe; used while the tool beans are created. */
    private static final SchemaGenerator GENERATOR = generator();

    private ResultSchemas() {}

    static ObjectNode of(Class<? extends Record> result) {
        return GENERATOR.generateSchema(result);
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule())
                .with(new JakartaValidationModule())
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .with(Option.INLINE_ALL_SCHEMAS)
                // {"anyOf": [{"type": "null"}, ...]} rather than "type": [..., "null"], which single-type
                // dialects (the OpenAPI subset of some model providers) reject
                .with(Option.NULLABLE_ALWAYS_AS_ANYOF);
        // record components in declaration order, as the JSON writes them
        config.forTypesInGeneral().withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.getErasedType() == ObjectNode.class || type.getErasedType() == RawValue.class) {
                ObjectNode schema = context.getGeneratorConfig().createObjectNode();
                schema.put("type", "object").put("additionalProperties", true);
                return new CustomDefinition(
                        schema, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES);
            }
            if (JsonNode.class.isAssignableFrom(type.getErasedType())) {
                // any value; a schema without any keyword reads as a mistake to schema linters
                ObjectNode schema = context.getGeneratorConfig().createObjectNode();
                schema.put("additionalProperties", true);
                return new CustomDefinition(
                        schema, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES);
            }
            return null;
        });
        config.forFields().withRequiredCheck(field -> !nullable(field) || !omittedWhenNull(field));
        config.forFields()
                .withNullableCheck(field -> nullable(field)
                        && !omittedWhenNull(field)
                        && !JsonNode.class.isAssignableFrom(field.getType().getErasedType()));
        return new SchemaGenerator(config.build());
    }

    private static boolean nullable(FieldScope field) {
        return field.getRawMember().getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    /** Whether Jackson leaves the component out when it is null: its own or its record's {@code @JsonInclude}. */
    private static boolean omittedWhenNull(FieldScope field) {
        JsonInclude own = field.getRawMember().getAnnotation(JsonInclude.class);
        JsonInclude.Include inclusion = own != null && own.value() != JsonInclude.Include.USE_DEFAULTS
                ? own.value()
                : inclusionOf(field.getDeclaringType().getErasedType());
        return inclusion != JsonInclude.Include.ALWAYS;
    }

    private static JsonInclude.Include inclusionOf(Class<?> type) {
        JsonInclude declared = type.getAnnotation(JsonInclude.class);
        return declared == null ? JsonInclude.Include.ALWAYS : declared.value();
    }
}
