package dev.odoomcp.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cursor pagination over a list in stable order. The cursor is opaque to clients (base64 of the
 * offset, prefixed so a cursor of another kind is recognised as invalid).
 */
record Pagination<T>(List<T> page, String nextCursor) {

    private static final String PREFIX = "offset:";

    static <T> Pagination<T> of(List<T> all, String cursor, int pageSize) {
        int offset = decode(cursor);
        if (offset > all.size()) {
            throw McpException.invalidParams("The cursor is invalid or expired; list again without a cursor.");
        }
        int end = Math.min(all.size(), offset + pageSize);
        String next = end < all.size() ? encode(end) : null;
        return new Pagination<>(List.copyOf(all.subList(offset, end)), next);
    }

    /**
     * The list result: the page under {@code member}, plus {@code nextCursor} when more pages follow.
     * Items that are JSON nodes are put in as they are (never modified afterwards); others are converted.
     */
    ObjectNode toResult(String member, JsonMapper json) {
        ObjectNode result = json.createObjectNode();
        ArrayNode items = result.putArray(member);
        for (T item : page) {
            // items that are JSON already (definitions made once) are shared as they are, not copied
            items.add(item instanceof JsonNode node ? node : json.valueToTree(item));
        }
        if (nextCursor != null) {
            result.put("nextCursor", nextCursor);
        }
        return result;
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through: not a cursor we issued
        }
        throw McpException.invalidParams("The cursor is invalid or expired; list again without a cursor.");
    }
}
