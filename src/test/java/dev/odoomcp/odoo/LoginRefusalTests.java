package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A login with a refused key, asked for by itself ({@code server()}, as the OAuth consent page and refresh do):
 * it is an authentication failure, remembered briefly, on both protocols. Regression: on JSON-2 the refusal
 * used to be recorded from inside the uid cache's own computation, which failed as a "Recursive update".
 */
class LoginRefusalTests {

    @ParameterizedTest
    @ValueSource(strings = {"18.0", "19.0"})
    void aRefusedKeyIsAnAuthenticationFailureEveryTime(String version) {
        try (FakeOdoo odoo = FakeOdoo.builder()
                        .version(version)
                        .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", "good-key-0123456789"))
                        .start();
                DefaultOdooClientFactory factory = new DefaultOdooClientFactory(OdooFixtures.loopbackProperties())) {
            OdooCredentials wrong =
                    new OdooCredentials(odoo.baseUrl(), "acme", "admin", "wrong-key-0123456789", Optional.empty());
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> factory.clientFor(wrong).server())
                        .isInstanceOfSatisfying(
                                OdooException.class,
                                e -> assertThat(e.kind()).isEqualTo(OdooErrorKind.AUTHENTICATION_FAILED));
            }
            assertThat(factory.recentlyAccepted(wrong)).isFalse();
            OdooCredentials right =
                    new OdooCredentials(odoo.baseUrl(), "acme", "admin", "good-key-0123456789", Optional.empty());
            assertThat(factory.clientFor(right).server().uid()).isEqualTo(2);
        }
    }
}
