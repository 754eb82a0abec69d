package dev.odoomcp.odoo;

import java.io.ObjectInputFilter;

/**
 * Second wall behind the XML-RPC settings: a JVM-wide serial filter rejecting every class, so
 * even a library path we did not foresee cannot deserialize a hostile server's Java object. The
 * bridge itself never uses Java serialization. An operator's own {@code jdk.serialFilter} wins.
 */
final class DeserializationWall {

    private DeserializationWall() {}

    /** Installs the reject-all filter unless one is already set; true when a filter is in place. */
    static boolean install() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            try {
                ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter("!*"));
            } catch (IllegalStateException alreadySet) {
                // another thread or the command line got there first: a filter is in place
            }
        }
        return ObjectInputFilter.Config.getSerialFilter() != null;
    }
}
