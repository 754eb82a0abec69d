package dev.odoomcp.testing;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user of one fake database: who may log in with which API key, and what {@code context_get}
 * and access checks see. Refine with the {@code with…} style methods.
 *
 * @param login login name ({@code authenticate}'s second argument)
 * @param apiKey API key accepted as password (XML-RPC) and bearer token (JSON-2)
 * @param uid user id
 * @param name display name
 * @param companyIds allowed companies, first one is the current company
 * @param lang context language
 * @param tz context time zone
 * @param groups group names; {@link #READONLY} forbids create/write/unlink everywhere
 */
public record UserSpec(
        String login,
        String apiKey,
        long uid,
        String name,
        List<Long> companyIds,
        String lang,
        String tz,
        Set<String> groups) {

    /** Group that makes a user unable to change anything. */
    public static final String READONLY = "readonly";

    public UserSpec {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(apiKey, "apiKey");
        companyIds = List.copyOf(companyIds);
        groups = Set.copyOf(groups);
    }

    public static UserSpec of(String login, String apiKey, long uid) {
        return new UserSpec(
                login, apiKey, uid, FieldSpec.labelFor(login), List.of(1L), "en_US", "Europe/Brussels", Set.of());
    }

    public UserSpec name(String value) {
        return new UserSpec(login, apiKey, uid, value, companyIds, lang, tz, groups);
    }

    public UserSpec companies(Long... ids) {
        return new UserSpec(login, apiKey, uid, name, List.of(ids), lang, tz, groups);
    }

    public UserSpec lang(String value) {
        return new UserSpec(login, apiKey, uid, name, companyIds, value, tz, groups);
    }

    public UserSpec tz(String value) {
        return new UserSpec(login, apiKey, uid, name, companyIds, lang, value, groups);
    }

    public UserSpec groups(String... values) {
        return new UserSpec(login, apiKey, uid, name, companyIds, lang, tz, Set.of(values));
    }

    /** Shorthand for {@code groups(READONLY)}. */
    public UserSpec readonly() {
        return groups(READONLY);
    }

    boolean isReadonly() {
        return groups.contains(READONLY);
    }
}
