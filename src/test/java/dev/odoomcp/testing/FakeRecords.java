package dev.odoomcp.testing;

import java.util.List;
import java.util.Map;

/**
 * A record set of a fake database, as handed to custom business methods ({@link FakeMethod}) and
 * display-name rules: the Java stand-in for {@code self} in an Odoo method. Runs under the
 * database's lock; do not keep it beyond the call.
 */
public interface FakeRecords {

    String model();

    List<Long> ids();

    /**
     * Stored value of one record's field: many2one as {@code Long} id, x2many as {@code List<Long>},
     * empty as {@code null}, everything else as written.
     */
    Object get(long id, String field);

    /** Shorthand for {@link #get(long, String)} on a single-record set. */
    default Object get(String field) {
        if (ids().size() != 1) {
            throw new IllegalStateException("Expected singleton: " + model() + ids());
        }
        return get(ids().get(0), field);
    }

    /** Reads the records the way {@code read} answers (many2one as {@code [id, name]}, empty as false). */
    List<Map<String, Object>> read(String... fields);

    /** Writes values on all records of the set, with Odoo's x2many command lists supported. */
    void write(Map<String, Object> values);

    /** Creates a record in this set's model and returns its id. */
    long create(Map<String, Object> values);

    /** Another model's records ({@code self.env[model].browse(ids)}). */
    FakeRecords browse(String model, List<Long> ids);

    /** Ids of this model's records matching an Odoo domain. */
    List<Long> search(List<?> domain);

    /** Uid of the user the call runs as. */
    long uid();
}
