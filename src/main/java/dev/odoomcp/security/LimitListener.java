package dev.odoomcp.security;

/**
 * Told about every refusal of the limits, so that metrics can count them without the limiter
 * knowing about metrics. Declare a bean of this type (e.g. in {@code ops}) to receive them; without
 * one, refusals are only answered to the client. Must be cheap and must not throw.
 */
@FunctionalInterface
public interface LimitListener {

    void refused(LimitReason reason);
}
