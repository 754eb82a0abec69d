package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenSealerTests {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final byte[] KEY_A = Base64.getDecoder().decode(OAuthBridgeTest.KEY_2);
    static final byte[] KEY_B = Base64.getDecoder().decode(OAuthBridgeTest.KEY_1);

    static TokenSealer sealer(Instant now, Object... idsAndKeys) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < idsAndKeys.length; i += 2) {
            keys.put((String) idsAndKeys[i], (byte[]) idsAndKeys[i + 1]);
        }
        return new TokenSealer(keys, Clock.fixed(now, ZoneOffset.UTC));
    }

    static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().claim("secret", "odoo-api-key-123").build();
    }

    @Test
    void sealedValuesAreEncryptedAndOpenUnderEveryConfiguredKey() {
        TokenSealer old = sealer(NOW, "a", KEY_A);
        TokenSealer rotated = sealer(NOW, "b", KEY_B, "a", KEY_A);
        String value = old.seal(TokenKind.ACCESS, claims(), Duration.ofHours(1));
        assertThat(value.split("\\.")).hasSize(5);
        String header = new String(Base64.getUrlDecoder().decode(value.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header)
                .contains("\"alg\":\"dir\"")
                .contains("\"enc\":\"A256GCM\"")
                .contains("\"kid\":\"a\"")
                .contains("\"typ\":\"odoomcp-at+jwe\"");
        assertThat(value)
                .doesNotContain("odoo-api-key")
                .doesNotContain(Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("odoo-api-key-123".getBytes(StandardCharsets.UTF_8))
                        .substring(0, 12));
        assertThat(rotated.open(TokenKind.ACCESS, value).getClaim("secret")).isEqualTo("odoo-api-key-123");
        assertThat(rotated.seal(TokenKind.ACCESS, claims(), Duration.ofHours(1)))
                .contains(".")
                .satisfies(v -> assertThat(
                                new String(Base64.getUrlDecoder().decode(v.split("\\.")[0]), StandardCharsets.UTF_8))
                        .contains("\"kid\":\"b\""));
        assertThat(TokenSealer.looksSealed(value)).isTrue();
        assertThat(TokenSealer.looksSealed("eyJhbGciOiJIUzI1NiJ9.e30.abc")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TokenKind.class)
    void noKindIsAcceptedAsAnother(TokenKind kind) {
        TokenSealer sealer = sealer(NOW, "a", KEY_A);
        String value = sealer.seal(kind, claims(), Duration.ofMinutes(5));
        for (TokenKind other : TokenKind.values()) {
            if (other != kind) {
                assertThatThrownBy(() -> sealer.open(other, value))
                        .isInstanceOfSatisfying(
                                TokenRefusedException.class,
                                e -> assertThat(e.reason()).isEqualTo(TokenRefusedException.Reason.WRONG_KIND));
            }
        }
    }

    @Test
    void expiryRetiredKeysTamperingAndJunkAreRefusedWithTheirReason() {
        String value = sealer(NOW, "a", KEY_A).seal(TokenKind.CODE, claims(), Duration.ofSeconds(60));
        assertThat(sealer(NOW.plusSeconds(50), "a", KEY_A).open(TokenKind.CODE, value))
                .isNotNull();
        assertReason(
                () -> sealer(NOW.plusSeconds(66), "a", KEY_A).open(TokenKind.CODE, value),
                TokenRefusedException.Reason.EXPIRED);
        assertReason(
                () -> sealer(NOW, "b", KEY_B).open(TokenKind.CODE, value), TokenRefusedException.Reason.UNKNOWN_KEY);
        assertReason(() -> sealer(NOW, "a", KEY_B).open(TokenKind.CODE, value), TokenRefusedException.Reason.TAMPERED);
        String[] parts = value.split("\\.");
        String flippedTag = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3] + "."
                + (parts[4].charAt(0) == 'A' ? 'B' : 'A') + parts[4].substring(1);
        assertReason(
                () -> sealer(NOW, "a", KEY_A).open(TokenKind.CODE, flippedTag), TokenRefusedException.Reason.TAMPERED);
        for (String junk : new String[] {"", "x", "a.b.c.d.e", "x".repeat(TokenSealer.MAX_LENGTH + 1)}) {
            assertReason(
                    () -> sealer(NOW, "a", KEY_A).open(TokenKind.CODE, junk), TokenRefusedException.Reason.MALFORMED);
        }
    }

    @Test
    void aLaterExpiryInTheClaimsIsNeverExtendedButAnEarlierOneIsKept() {
        TokenSealer sealer = sealer(NOW, "a", KEY_A);
        JWTClaimsSet capped = new JWTClaimsSet.Builder()
                .expirationTime(java.util.Date.from(NOW.plusSeconds(30)))
                .build();
        assertThat(sealer.open(TokenKind.REFRESH, sealer.seal(TokenKind.REFRESH, capped, Duration.ofDays(30)))
                        .getExpirationTime()
                        .toInstant())
                .isEqualTo(NOW.plusSeconds(30));
    }

    private static void assertReason(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, TokenRefusedException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).doesNotContain("eyJ");
        });
    }
}
