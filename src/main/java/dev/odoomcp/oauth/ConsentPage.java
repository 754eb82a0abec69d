package dev.odoomcp.oauth;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.odoomcp.oauth.CredentialCheck.Field;
import dev.odoomcp.odoo.OdooCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The consent page as server-rendered HTML: no script, no third-party asset, labels tied to their inputs,
 * hints and errors tied by {@code aria-describedby}, errors listed first in an alert and shown beside
 * their field, focus on the first field at fault, large touch targets that fit a phone. Every value is
 * HTML-escaped; the API key and access code are never written back into the page.
 */
final class ConsentPage {

    /** The only style, inline; the Content-Security-Policy allows exactly this block by its hash. */
    static final String STYLE = """
            :root{color-scheme:light dark;--fg:#1b1b1f;--bg:#f6f6f8;--card:#fff;--muted:#52525b;--line:#a1a1aa;\
            --accent:#714b67;--accent-fg:#fff;--err:#b3261e;--focus:#0b57d0}\
            @media (prefers-color-scheme:dark){:root{--fg:#ececf1;--bg:#121214;--card:#1d1d21;--muted:#b4b4bd;\
            --line:#71717a;--accent:#d6a9c9;--accent-fg:#1b1b1f;--err:#ffb4ab;--focus:#a8c7fa}}\
            *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);\
            font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}\
            main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem 3rem}\
            .card{background:var(--card);border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}\
            h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem}p{margin:.25rem 0 .75rem}\
            .who{font-size:1.05rem}.field{margin:1rem 0}label{display:block;font-weight:600;margin-bottom:.25rem}\
            .hint{color:var(--muted);font-size:.9rem;margin:.25rem 0 0}\
            input[type=text],input[type=url],input[type=password]{width:100%;min-height:44px;padding:.5rem .75rem;\
            font:inherit;color:inherit;background:transparent;border:1px solid var(--line);border-radius:8px}\
            input[aria-invalid=true]{border:2px solid var(--err)}\
            :focus-visible{outline:3px solid var(--focus);outline-offset:2px}\
            .check{display:flex;gap:.6rem;align-items:flex-start}.check input{width:1.3rem;height:1.3rem;margin-top:.15rem}\
            .check label{font-weight:600;margin:0}.error{color:var(--err);font-weight:600;margin:.35rem 0 0}\
            .alert{border:2px solid var(--err);border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem}\
            .alert ul{margin:.25rem 0 0;padding-left:1.2rem}.alert a{color:var(--err)}\
            .actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.25rem}\
            button{min-height:48px;min-width:8rem;padding:.6rem 1.25rem;font:inherit;font-weight:600;border-radius:8px;\
            border:2px solid var(--accent);cursor:pointer}\
            button.primary{background:var(--accent);color:var(--accent-fg)}\
            button.secondary{background:transparent;color:var(--fg)}\
            .fine{color:var(--muted);font-size:.85rem;margin-top:1.25rem}code{overflow-wrap:anywhere}""";

    static final String STYLE_HASH = "'sha256-"
            + Base64.getEncoder().encodeToString(Secrets.sha256(STYLE.getBytes(StandardCharsets.UTF_8))) + "'";

    /**
     * What the form shows.
     *
     * @param transaction the sealed consent transaction (hidden field)
     * @param clientName the application's name
     * @param returnHost where the user is sent back to
     * @param url,database,login values to fill back in after an error (never the key)
     * @param readOnly whether "read-only" is ticked
     * @param askAccessToken the operator requires an access code
     * @param errors problems by field; {@code null} field key for a form-wide problem
     */
    record View(
            String transaction,
            String clientName,
            String returnHost,
            String url,
            String database,
            String login,
            boolean readOnly,
            boolean askAccessToken,
            Map<Field, String> errors,
            String formError) {}

    private ConsentPage() {}

    static String form(ConsentText text, View view) {
        StringBuilder html = head(text, text.get("title"));
        html.append("<h1>")
                .append(esc(text.get("title")))
                .append("</h1>\n<p class=\"who\">")
                .append(bold(text.get("intro"), view.clientName()))
                .append(' ')
                .append(bold(text.get("return"), view.returnHost()))
                .append("</p>\n");
        Field firstInvalid = firstInvalid(view);
        if (!view.errors().isEmpty() || view.formError() != null) {
            html.append(
                            "<div class=\"alert\" role=\"alert\" aria-labelledby=\"error-summary\"><p id=\"error-summary\">")
                    .append(esc(text.get("error.summary")))
                    .append("</p><ul>");
            if (view.formError() != null) {
                html.append("<li>").append(esc(view.formError())).append("</li>");
            }
            view.errors()
                    .forEach((field, message) -> html.append("<li><a href=\"#")
                            .append(id(field))
                            .append("\">")
                            .append(esc(message))
                            .append("</a></li>"));
            html.append("</ul></div>\n");
        }
        html.append("<form method=\"post\" action=\"")
                .append(OAuthUrls.AUTHORIZE_PATH)
                .append("\">\n")
                .append("<input type=\"hidden\" name=\"txn\" value=\"")
                .append(esc(view.transaction()))
                .append("\">\n")
                .append("<input type=\"hidden\" name=\"lang\" value=\"")
                .append(text.lang())
                .append("\">\n");
        input(html, text, view, Field.URL, "url", "url", "url", view.url(), text.get("url.placeholder"), firstInvalid);
        input(html, text, view, Field.DATABASE, "db", "text", "off", view.database(), null, firstInvalid);
        input(html, text, view, Field.LOGIN, "login", "text", "username", view.login(), null, firstInvalid);
        input(html, text, view, Field.KEY, "key", "password", "off", null, null, firstInvalid);
        if (view.askAccessToken()) {
            input(html, text, view, Field.ACCESS_TOKEN, "token", "password", "off", null, null, firstInvalid);
        }
        html.append(
                        "<div class=\"field check\"><input type=\"checkbox\" id=\"read_only\" name=\"read_only\" value=\"on\"")
                .append(view.readOnly() ? " checked" : "")
                .append(" aria-describedby=\"read_only-hint\"><div><label for=")
                .append("\"read_only\">")
                .append(esc(text.get("readonly.label")))
                .append("</label><p class=\"hint\" ")
                .append("id=\"read_only-hint\">")
                .append(esc(text.get("readonly.hint")))
                .append("</p></div></div>\n")
                .append("<div class=\"actions\"><button class=\"primary\" type=\"submit\" name=\"decision\" ")
                .append("value=\"allow\">")
                .append(esc(text.get("connect")))
                .append("</button><button class=\"secondary\" ")
                .append("type=\"submit\" name=\"decision\" value=\"deny\" formnovalidate>")
                .append(esc(text.get("cancel")))
                .append("</button></div>\n</form>\n<p class=\"fine\">")
                .append(esc(text.get("fine", view.clientName())))
                .append("</p>\n");
        return tail(html);
    }

    /** A page that explains why nothing can be done here (expired form, unknown application). */
    static String message(ConsentText text, String title, String body) {
        StringBuilder html = head(text, title);
        html.append("<h1>")
                .append(esc(title))
                .append("</h1>\n<p role=\"alert\">")
                .append(esc(body))
                .append("</p>\n");
        return tail(html);
    }

    private static void input(
            StringBuilder html,
            ConsentText text,
            View view,
            Field field,
            String key,
            String type,
            String autocomplete,
            String value,
            String placeholder,
            Field firstInvalid) {
        String id = id(field);
        String error = view.errors().get(field);
        html.append("<div class=\"field\"><label for=\"")
                .append(id)
                .append("\">")
                .append(esc(text.get(key + ".label")))
                .append("</label><input type=\"")
                .append(type)
                .append("\" id=\"")
                .append(id)
                .append("\" name=\"")
                .append(id)
                .append("\" required autocomplete=\"")
                .append(autocomplete)
                .append("\" autocapitalize=\"none\" spellcheck=\"false\"");
        if ("url".equals(type)) {
            html.append(" inputmode=\"url\"");
        }
        if (placeholder != null) {
            html.append(" placeholder=\"").append(esc(placeholder)).append('"');
        }
        if (value != null && !value.isEmpty()) {
            html.append(" value=\"").append(esc(value)).append('"');
        }
        if (field == firstInvalid) {
            html.append(" autofocus");
        }
        html.append(" aria-describedby=\"")
                .append(id)
                .append("-hint")
                .append(error == null ? "" : " " + id + "-error")
                .append('"')
                .append(error == null ? "" : " aria-invalid=\"true\"")
                .append("><p class=\"hint\" id=\"")
                .append(id)
                .append("-hint\">")
                .append(esc(text.get(key + ".hint")))
                .append("</p>");
        if (error != null) {
            html.append("<p class=\"error\" id=\"")
                    .append(id)
                    .append("-error\">")
                    .append(esc(error))
                    .append("</p>");
        }
        html.append("</div>\n");
    }

    private static Field firstInvalid(View view) {
        for (Field field : Field.values()) {
            if (view.errors().containsKey(field)) {
                return field;
            }
        }
        return view.errors().isEmpty() && view.url() == null ? Field.URL : null;
    }

    /** The form field that holds what header mode sends as {@code header}; null for none (the protocol is detected). */
    static String fieldFor(String header) {
        return switch (header) {
            case OdooCredentials.URL_HEADER -> id(Field.URL);
            case OdooCredentials.DB_HEADER -> id(Field.DATABASE);
            case OdooCredentials.USERNAME_HEADER -> id(Field.LOGIN);
            case OdooCredentials.API_KEY_HEADER -> id(Field.KEY);
            default -> null;
        };
    }

    static String id(Field field) {
        return switch (field) {
            case URL -> "odoo_url";
            case DATABASE -> "odoo_db";
            case LOGIN -> "odoo_login";
            case KEY -> "odoo_key";
            case ACCESS_TOKEN -> "access_token";
        };
    }

    static Map<Field, String> noErrors() {
        return new EnumMap<>(Field.class);
    }

    private static StringBuilder head(ConsentText text, String title) {
        return new StringBuilder(6000)
                .append("<!doctype html>\n<html lang=\"")
                .append(text.lang())
                .append("\">\n<head>")
                .append(
                        "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"referrer\" content=\"no-referrer\"><title>")
                .append(esc(title))
                .append(" · Odoo MCP Bridge</title><style>")
                .append(STYLE)
                .append("</style></head>\n<body><main><div ")
                .append("class=\"card\">\n");
    }

    private static String tail(StringBuilder html) {
        return html.append("</div></main></body>\n</html>\n").toString();
    }

    /** The message with its {@code {0}} in bold; both escaped. */
    private static String bold(String message, String argument) {
        int at = message.indexOf("{0}");
        if (at < 0) {
            return esc(message);
        }
        return esc(message.substring(0, at)) + "<strong>" + esc(argument) + "</strong>"
                + esc(message.substring(at + 3));
    }

    private static String esc(String value) {
        return value == null ? "" : htmlEscape(value, "UTF-8");
    }
}
