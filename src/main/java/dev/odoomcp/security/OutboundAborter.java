package dev.odoomcp.security;

/**
 * Aborts the outgoing requests a worker thread has in flight (the HTTP client to Odoo implements
 * it), so that a tool call past its deadline stops waiting on the network at once instead of
 * holding a thread and a connection until the transport's own timeouts fire.
 */
@FunctionalInterface
public interface OutboundAborter {

    /** Aborts what {@code worker} is waiting for now; the worker is interrupted too, so it starts nothing new. */
    void abort(Thread worker);
}
