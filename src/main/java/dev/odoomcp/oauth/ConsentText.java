package dev.odoomcp.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The consent page's words in the user's language: Spanish or English, chosen from {@code Accept-Language}
 * (or the form's own {@code lang} once the page was shown), English when neither is asked for.
 */
final class ConsentText {

    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private ConsentText(Locale locale) {
        this.bundle = ResourceBundle.getBundle("oauth.consent", locale, NO_JVM_FALLBACK);
    }

    static ConsentText forRequest(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("es".equals(lang) || "en".equals(lang)) {
            return new ConsentText(Locale.forLanguageTag(lang));
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if ("es".equals(locale.getLanguage()) || "en".equals(locale.getLanguage())) {
                return new ConsentText(Locale.forLanguageTag(locale.getLanguage()));
            }
        }
        return new ConsentText(Locale.ENGLISH);
    }

    String lang() {
        return bundle.getString("lang");
    }

    String get(String key) {
        return bundle.getString(key);
    }

    /** The message with {@code {0}} replaced by {@code argument} (plain text; the page escapes it). */
    String get(String key, String argument) {
        return bundle.getString(key)
                .replace("{0}", argument == null ? "" : argument)
                .strip();
    }

    /** What the page says about a refused field. */
    String problem(CredentialCheck.Refused refused) {
        return switch (refused.problem()) {
            case "refused" -> get("error.refused", refused.detail());
            case "auth" -> get("error.auth");
            case "database" -> get("error.database");
            case "login" -> get("error.login");
            default ->
                get(
                        switch (refused.field()) {
                            case URL -> "error.invalid.url";
                            case DATABASE -> "error.invalid.db";
                            case LOGIN -> "error.invalid.login";
                            case KEY -> "error.invalid.key";
                            case ACCESS_TOKEN -> "error.token";
                        });
        };
    }
}
