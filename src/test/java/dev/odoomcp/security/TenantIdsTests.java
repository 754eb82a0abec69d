package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TenantIdsTests {

    private final URI acme = URI.create("https://acme.odoo.com");

    @Test
    void sameTenantSameIdOtherTenantOtherId() {
        TenantIds ids = new TenantIds("a-configured-key-0123");
        assertThat(ids.of(acme, "acme")).hasSize(16).isEqualTo(ids.of(URI.create("https://ACME.odoo.com"), "acme"));
        assertThat(ids.of(acme, "acme")).isNotEqualTo(ids.of(acme, "acme-test"));
        assertThat(ids.of(acme, "acme")).isEqualTo(new TenantIds("a-configured-key-0123").of(acme, "acme"));
    }

    @Test
    void theIdDependsOnTheKey() {
        assertThat(new TenantIds("a-configured-key-0123").of(acme, "acme"))
                .isNotEqualTo(new TenantIds("another-key-456789012").of(acme, "acme"))
                .isNotEqualTo(new TenantIds("").of(acme, "acme"));
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new TenantIds("short")).hasMessageContaining("MCP_TENANT_HASH_KEY");
    }
}
