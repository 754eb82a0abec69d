package dev.odoomcp.odoo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP answer from Odoo, fully read (up to the size cap).
 *
 * @param status HTTP status code
 * @param contentType the Content-Type header, or empty
 * @param location the Location header of a redirect, or empty
 * @param body the raw body bytes
 */
record HttpReply(int status, String contentType, String location, byte[] body) {

    HttpReply {
        contentType = contentType == null ? "" : contentType;
        location = location == null ? "" : location;
    }

    boolean isJson() {
        return contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    boolean isHtml() {
        return contentType.toLowerCase(Locale.ROOT).contains("html");
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
