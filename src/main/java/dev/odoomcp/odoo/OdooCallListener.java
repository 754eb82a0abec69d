package dev.odoomcp.odoo;

import java.time.Duration;

/**
 * Told about every ORM call made to any tenant's Odoo, so that operations code can count and time
 * them without the Odoo clients knowing about metrics. Implementations must be fast and must not
 * throw; they receive no tenant data, only the protocol and the failure class.
 */
public interface OdooCallListener {

    /** Does nothing: the default when no listener bean exists. */
    OdooCallListener NONE = new OdooCallListener() {
        @Override
        public void started() {}

        @Override
        public void finished(OdooProtocol protocol, OdooErrorKind failure, Duration elapsed) {}
    };

    /** A call is about to start. */
    void started();

    /**
     * The call that started last on this thread has ended.
     *
     * @param protocol the wire protocol used, or null when none was chosen (e.g. the server was unreachable)
     * @param failure the failure class, or null on success
     * @param elapsed time from start to end, including protocol detection and login when they happened
     */
    void finished(OdooProtocol protocol, OdooErrorKind failure, Duration elapsed);
}
