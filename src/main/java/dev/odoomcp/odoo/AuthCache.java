package dev.odoomcp.odoo;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Remembers logins so each MCP request does not authenticate again, and remembers refused logins
 * briefly so a client retrying a bad key does not trip Odoo's per-IP login cooldown for everyone
 * behind this bridge. Keys are SHA-256 hashes of (protocol, url, db, login, key): a different
 * key is a different entry, so no caller can ride on another's cached uid, and no key is stored.
 *
 * <p>A login is a network call, so it never runs inside the cache's map operations (they lock a
 * hash bin, which other tenants' keys share): the first caller puts a future for its key and
 * logs in on its own thread, later callers with the same key wait for that future, interruptibly.
 */
final class AuthCache {

    private final AsyncCache<String, Long> uids;
    private final Cache<String, OdooException> failures;
    /** Fingerprints of credentials Odoo answered a call for (JSON-2 calls prove the key without a login). */
    private final Cache<String, Boolean> accepted;

    AuthCache(OdooProperties props) {
        // Caffeine drops a future that fails, and starts the expiry of one only when it completes.
        this.uids = Caffeine.newBuilder()
                .maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.uidCacheTtl())
                .buildAsync();
        this.failures = Caffeine.newBuilder()
                .maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.authFailureCacheTtl())
                .build();
        this.accepted = Caffeine.newBuilder()
                .maximumSize(props.cacheMaxEntries())
                .expireAfterWrite(props.uidCacheTtl())
                .build();
    }

    /** The uid for these credentials, logging in (once, even under concurrency) when unknown. */
    long uid(OdooCredentials creds, OdooProtocol protocol, Supplier<Long> login) {
        String key = key(creds, protocol);
        throwIfRecentlyRefused(key);
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> pending = uids.asMap().putIfAbsent(key, mine);
        return pending == null ? logIn(key, mine, login) : await(pending, creds);
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
            CompletableFuture<Long> login = uids.getIfPresent(key(creds, protocol));
            if (login != null && login.isDone() && !login.isCompletedExceptionally()) {
                return true; // a login still running proves nothing yet
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
        uids.synchronous().invalidate(key);
        accepted.invalidate(creds.fingerprint());
        failures.put(key, failure);
    }

    private long logIn(String key, CompletableFuture<Long> mine, Supplier<Long> login) {
        try {
            throwIfRecentlyRefused(key); // a concurrent login for the same key may just have failed
            long uid = login.get();
            mine.complete(uid);
            return uid;
        } catch (OdooException e) {
            if (e.kind() == OdooErrorKind.AUTHENTICATION_FAILED) {
                failures.put(key, e);
            }
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Waits for another caller's login with the same credentials and shares its outcome. */
    private static long await(CompletableFuture<Long> pending, OdooCredentials creds) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OdooFaultTranslator.cancelled(creds.url().toString());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Login failed", e.getCause());
        }
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
