package dev.odoomcp.odoo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM by {@link DeserializationWallTests} (without Surefire's {@code -Djdk.serialFilter}):
 * builds the Odoo client factory exactly as the application's start-up does, then tries to
 * deserialize an object, and prints what happened on one line.
 */
final class SerialFilterProbe {

    private SerialFilterProbe() {}

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        String before = ObjectInputFilter.Config.getSerialFilter() == null ? "none" : "present";
        org.springframework.beans.factory.support.StaticListableBeanFactory none =
                new org.springframework.beans.factory.support.StaticListableBeanFactory();
        try (DefaultOdooClientFactory factory = new OdooConfiguration()
                .odooClientFactory(
                        OdooProperties.defaults(),
                        none.getBeanProvider(OdooCallListener.class),
                        none.getBeanProvider(dev.odoomcp.security.GuardedDnsResolver.NameLookup.class))) {
            ObjectInputFilter filter = ObjectInputFilter.Config.getSerialFilter();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(new ArrayList<>(List.of("payload")));
            }
            String read;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                read = "read " + in.readObject();
            } catch (InvalidClassException refused) {
                read = "refused";
            }
            System.out.println(
                    "before=" + before + " after=" + (filter == null ? "none" : "present") + " object=" + read);
        }
    }
}
