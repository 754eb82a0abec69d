package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostAllowListTests {

    private final HostAllowList list = new HostAllowList(List.of("*.odoo.com", " ERP.example.com "));

    @ParameterizedTest
    @CsvSource({
        "acme.odoo.com, true",
        "a.b.odoo.com, true",
        "ACME.ODOO.COM, true",
        "acme.odoo.com., true",
        "odoo.com, false",
        "evilodoo.com, false",
        "acme.odoo.com.evil.net, false",
        "erp.example.com, true",
        "x.erp.example.com, false",
        "example.com, false",
    })
    void matchesExactNamesAndWildcardSubdomains(String host, boolean allowed) {
        assertThat(list.permits(host)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"anything.example", "10.0.0.1"})
    void emptyListAllowsAnyHost(String host) {
        assertThat(new HostAllowList(List.of()).permits(host)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"'*'", "'*.'", "'a*.b.com'", "'http://x.com'", "'x.com/path'"})
    void rejectsMalformedPatterns(String pattern) {
        assertThat(HostAllowList.problemWith(pattern)).isNotNull();
    }
}
