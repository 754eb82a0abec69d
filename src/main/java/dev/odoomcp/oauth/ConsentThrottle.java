package dev.odoomcp.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Keeps the consent page from being a credential-testing oracle: each live check of Odoo credentials costs
 * one from the submitting address's bucket ({@code OAUTH_CONSENT_RATE_PER_MINUTE}) and one from the Odoo
 * host's ({@code OAUTH_CONSENT_HOST_RATE_PER_MINUTE}), so neither one address guessing many keys nor many
 * addresses guessing one company's keys get far. The same buckets, per address, bound what a stranger can
 * make the bridge do for free: fetch client metadata documents of unknown URLs, and register clients. In
 * memory, per replica, bounded.
 */
final class ConsentThrottle {

    private final int perAddress;
    private final int perHost;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    ConsentThrottle(int perAddressPerMinute, int perHostPerMinute) {
        this.perAddress = perAddressPerMinute;
        this.perHost = perHostPerMinute;
    }

    /** Seconds to wait before this address may try again, or 0 when it may now (and has been charged). */
    long chargeAddress(String address) {
        return charge("ip:" + address, perAddress);
    }

    /**
     * Seconds to wait before this address may make the bridge fetch another unknown metadata document, or 0;
     * three times the address's consent rate per minute.
     */
    long chargeFetch(String address) {
        return charge("fetch:" + address, perAddress * 3);
    }

    /** Seconds to wait before this address may register another client, or 0; three times its consent rate. */
    long chargeRegistration(String address) {
        return charge("register:" + address, perAddress * 3);
    }

    /** Seconds to wait before this Odoo host may be tried again, or 0 when it may now (and has been charged). */
    long chargeHost(String host) {
        return charge("host:" + host, perHost);
    }

    private long charge(String key, int perMinute) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
