package dev.odoomcp.security;

import java.net.UnknownHostException;

/**
 * The SSRF guard refused a target. Extends {@link UnknownHostException} because it is thrown from
 * a DNS resolver, whose contract allows only that; callers recognise it by type and show its
 * message, which names the host and the reason but never a credential.
 */
public final class TargetRefusedException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    public TargetRefusedException(String message) {
        super(message);
    }
}
