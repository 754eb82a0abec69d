package dev.odoomcp.tools;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.NullUnmarked;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What the tools may do and how much they may answer, bound from {@code odoo-mcp.*} properties or
 * the environment ({@code ODOO_MCP_READ_ONLY}, {@code ODOO_MCP_MAX_LIMIT}, ...). Checked at start-up.
 *
 * @param readOnly server-wide read-only mode: write tools are neither listed nor callable
 * @param defaultLimit records returned when a search gives no limit
 * @param maxLimit largest limit a search may ask for
 * @param maxResultChars size budget of one tool result (JSON characters); larger answers are cut
 *        with an explicit note and the next offset
 * @param deniedModels models refused in addition to the built-in deny list (patterns, {@code *} wildcard)
 * @param allowedModels when not empty, only these models are reachable (patterns, {@code *} wildcard)
 * @param metadataCacheTtl how long a tenant's model metadata ({@code fields_get}) is reused
 * @param metadataCacheSize {@code ODOO_MCP_METADATA_CACHE_SIZE}: memory the cached metadata of all tenants may
 *        take together (least recently used go first)
 */
@ConfigurationProperties("odoo-mcp")
@NullUnmarked // bound by Spring: a setting left out arrives as null and gets its default here
public record ToolsProperties(
        Boolean readOnly,
        Integer defaultLimit,
        Integer maxLimit,
        Integer maxResultChars,
        List<String> deniedModels,
        List<String> allowedModels,
        Duration metadataCacheTtl,
        DataSize metadataCacheSize) {

    public ToolsProperties {
        readOnly = readOnly != null && readOnly;
        maxLimit = maxLimit == null ? 500 : maxLimit;
        defaultLimit = defaultLimit == null ? Math.min(20, maxLimit) : defaultLimit;
        if (maxLimit < 1 || maxLimit > 10_000) {
            throw new IllegalArgumentException("ODOO_MCP_MAX_LIMIT must be between 1 and 10000, was " + maxLimit);
        }
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("ODOO_MCP_DEFAULT_LIMIT must be between 1 and ODOO_MCP_MAX_LIMIT ("
                    + maxLimit + "), was " + defaultLimit);
        }
        maxResultChars = maxResultChars == null ? 100_000 : maxResultChars;
        if (maxResultChars < 1_000) {
            throw new IllegalArgumentException(
                    "ODOO_MCP_MAX_RESULT_CHARS must be at least 1000, was " + maxResultChars);
        }
        deniedModels = clean(deniedModels);
        allowedModels = clean(allowedModels);
        metadataCacheTtl = metadataCacheTtl == null ? Duration.ofMinutes(5) : metadataCacheTtl;
        metadataCacheSize = metadataCacheSize == null ? DataSize.ofMegabytes(32) : metadataCacheSize;
        if (metadataCacheSize.toBytes() < DataSize.ofKilobytes(64).toBytes()
                || metadataCacheSize.toBytes() > DataSize.ofGigabytes(16).toBytes()) {
            throw new IllegalArgumentException(
                    "ODOO_MCP_METADATA_CACHE_SIZE must be between 64KB and 16GB (for example " + "32MB), was "
                            + metadataCacheSize);
        }
    }

    private static List<String> clean(List<String> patterns) {
        return patterns == null
                ? List.of()
                : patterns.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
