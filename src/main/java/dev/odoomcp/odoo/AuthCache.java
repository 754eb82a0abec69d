package dev.odoomcp.odoo;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers logins so each MCP request does not authenticate again, and remembers refused logins
 * briefly so a client retrying a bad key does not trip Odoo's per-IP login cooldown for everyone
 * behind this bridge. Keys are SHA-256 hashes of (protocol, url, db, login, key): a different
 * key is a different entry, so no caller can ride on another's cached uid, and no key is stored.
 */
final class AuthCache {

    private final Cache<String, Long> uids;
    private final Cache<String, OdooException> failures;
    /** Fingerprints of credentials Odoo answered a call for (JSON-2 calls prove the key without a login). */
    private final Cache<String, Boolean> accepted;

    AuthCache(OdooProperties props) {
        this.uids = Caffeine.newBuilder().maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.uidCacheTtl()).build();
        this.failures = Caffeine.newBuilder().maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.authFailureCacheTtl()).build();
        this.accepted = Caffeine.newBuilder().maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.uidCacheTtl()).build();
    }

    /** The uid for these credentials, logging in (once, even under concurrency) when unknown. */
    long uid(OdooCredentials creds, OdooProtocol protocol, Supplier<Long> login) {
        String key = key(creds, protocol);
        throwIfRecentlyRefused(key);
        return uids.get(key, k -> {
            throwIfRecentlyRefused(k); // a concurrent login for the same key may just have failed
            try {
                return login.get();
            } catch (OdooException e) {
                if (e.kind() == OdooErrorKind.AUTHENTICATION_FAILED) {
                    failures.put(k, e);
                }
                throw e;
            }
        });
    }

    /** Odoo answered a call made with these credentials: the key is good. */
    void accepted(OdooCredentials creds) {
        accepted.put(creds.fingerprint(), Boolean.TRUE);
    }

    /** Whether Odoo accepted exactly these credentials recently: a login, or a call it answered. */
    boolean recentlyAccepted(OdooCredentials creds) {
        if (accepted.getIfPresent(creds.fingerprint()) != null) {
            return true;
        }
        for (OdooProtocol protocol : OdooProtocol.values()) {
            if (uids.getIfPresent(key(creds, protocol)) != null) {
                return true;
            }
        }
        return false;
    }

    /** Throws the remembered refusal for these credentials, if any. */
    void throwIfRecentlyRefused(OdooCredentials creds, OdooProtocol protocol) {
        throwIfRecentlyRefused(key(creds, protocol));
    }

    /** Odoo refused credentials we had cached (key revoked): forget the uid, remember the refusal. */
    void refused(OdooCredentials creds, OdooProtocol protocol, OdooException failure) {
        String key = key(creds, protocol);
        // Only a cached uid needs forgetting; during the login itself (inside uid()'s computation for this very
        // key) there is none, and invalidating from within that computation would be a recursive update.
        if (uids.getIfPresent(key) != null) {
            uids.invalidate(key);
        }
        accepted.invalidate(creds.fingerprint());
        failures.put(key, failure);
    }

    private void throwIfRecentlyRefused(String key) {
        OdooException failure = failures.getIfPresent(key);
        if (failure != null) {
            throw new OdooException(failure.kind(), failure.getMessage()
                    + " (Repeated attempts with the same credentials get this answer for a short while without asking Odoo.)");
        }
    }

    static String key(OdooCredentials creds, OdooProtocol protocol) {
        return protocol.name() + ":" + creds.fingerprint();
    }
}
