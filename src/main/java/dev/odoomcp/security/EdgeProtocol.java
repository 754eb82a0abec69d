package dev.odoomcp.security;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a smaller response buffer. Tomcat allocates each request's
 * response buffer whole (8 KiB of bytes plus 8 Ki chars, 24 KiB) for as long as the request is in
 * flight, and a tool call waits on Odoo for most of its life; {@link #RESPONSE_BUFFER} bytes (and as
 * many chars) are plenty, since a larger body is written straight through. Public with a public
 * constructor because Tomcat creates it by class name ({@link EdgeConnector}).
 */
public class EdgeProtocol extends Http11NioProtocol {

    /** Bytes (and chars) of a response's buffer. */
    static final int RESPONSE_BUFFER = 2048;

    @Override
    public int getDesiredBufferSize() {
        return RESPONSE_BUFFER;
    }
}
