package dev.odoomcp.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.odoomcp.mcp.McpSchema;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer of the first call of a two-step confirmation: nothing was done (so it is a tool result with
 * {@code isError}, which needs no structured content and passes clients that check results against the
 * tool's output schema), the preview in words with the token, then the same as JSON.
 */
final class ConfirmationAnswers {

    /** The JSON block of a preview answer. */
    record Pending(
            @JsonProperty("confirmation_required") boolean confirmationRequired,
            String tool,
            ChangePreview preview,
            @JsonProperty("confirmation_token") String confirmationToken,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("next_step") String nextStep) {}

    private ConfirmationAnswers() {}

    static McpSchema.CallToolResult preview(
            String tool, ChangePreview preview, ConfirmationSeal.Issued token, Duration ttl, JsonMapper json) {
        String next = "Show this to the user and ask whether to go ahead. Only if they agree, call " + tool
                + " again with the same arguments plus \"confirmation_token\": \"" + token.value() + "\" (good for one "
                + "call within " + ConfirmationSeal.human(ttl) + "). If they do not, do nothing.";
        String words = "Confirmation needed; nothing has been changed in Odoo yet.\n" + preview.words() + "\n" + next;
        Pending pending = new Pending(
                true,
                tool,
                preview,
                token.value(),
                token.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                next);
        return new McpSchema.CallToolResult(
                List.of(new McpSchema.TextContent(words), new McpSchema.TextContent(json.writeValueAsString(pending))),
                null,
                true);
    }
}
