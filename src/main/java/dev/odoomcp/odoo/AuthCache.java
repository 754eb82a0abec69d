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

    AuthCache(OdooProperties props) {
        this.uids = Caffeine.newBuilder().maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.uidCacheTtl()).build();
        this.failures = Caffeine.newBuilder().maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.authFailureCacheTtl()).build();
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

    /** Throws the remembered refusal for these credentials, if any. */
    void throwIfRecentlyRefused(OdooCredentials creds, OdooProtocol protocol) {
        throwIfRecentlyRefused(key(creds, protocol));
    }

    /** Odoo refused credentials we had cached (key revoked): forget the uid, remember the refusal. */
    void refused(OdooCredentials creds, OdooProtocol protocol, OdooException failure) {
        String key = key(creds, protocol);
        uids.invalidate(key);
        failures.put(key, failure);
    }

    private void throwIfRecentlyRefused(String key) {
        OdooException failure = failures.getIfPresent(key);
        if (failure != null) {
            throw OdooFaultTranslator.recentlyRefused(failure);
        }
    }

    static String key(OdooCredentials creds, OdooProtocol protocol) {
        return protocol.name() + ":" + creds.fingerprint();
    }
}
