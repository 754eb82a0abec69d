package dev.odoomcp.testing;

import java.util.List;
import java.util.Map;

/**
 * What both wire endpoints share: the pretended version, the hosted databases and the call log,
 * plus running one resolved method under its database's lock.
 */
record Backend(OdooVersion version, Map<String, FakeDatabase> databases, CallLog log) {

    FakeDatabase database(String name) {
        return name == null ? null : databases.get(name);
    }

    /** Checks access and runs {@code def} on arguments bound by {@link Methods#bind}; the result may be null (Python None). */
    Object run(
            FakeDatabase db,
            UserSpec user,
            Methods.MethodDef def,
            String model,
            List<Long> ids,
            Map<String, Object> args) {
        db.lock().lock();
        try {
            Table t = db.table(model);
            return Methods.run(def, db.orm(), t, user, ids == null ? List.of() : ids, args);
        } finally {
            db.lock().unlock();
        }
    }

    /** The access check {@code def} makes before it changes anything. */
    void checkAccess(FakeDatabase db, UserSpec user, Methods.MethodDef def, String model) {
        db.lock().lock();
        try {
            if (def.access() != null) {
                db.orm().checkAccess(user, db.table(model), def.access());
            }
        } finally {
            db.lock().unlock();
        }
    }
}
