package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsentThrottleTests {

    @Test
    void eachAddressAndHostHasItsOwnBudgetAndFetchesAndRegistrationsGetThreeTimesTheAddressRate() {
        ConsentThrottle throttle = new ConsentThrottle(2, 3);
        assertThat(throttle.chargeAddress("203.0.113.1")).isZero();
        assertThat(throttle.chargeAddress("203.0.113.1")).isZero();
        assertThat(throttle.chargeAddress("203.0.113.1")).isBetween(1L, 60L);
        assertThat(throttle.chargeAddress("203.0.113.2")).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.chargeHost("acme.odoo.com")).isZero();
        }
        assertThat(throttle.chargeHost("acme.odoo.com")).isPositive();
        assertThat(throttle.chargeHost("globex.odoo.com")).isZero();
        for (int i = 0; i < 6; i++) {
            assertThat(throttle.chargeFetch("203.0.113.1")).isZero();
            assertThat(throttle.chargeRegistration("203.0.113.1")).isZero();
        }
        assertThat(throttle.chargeFetch("203.0.113.1")).isPositive();
        assertThat(throttle.chargeRegistration("203.0.113.1")).isPositive();
    }
}
