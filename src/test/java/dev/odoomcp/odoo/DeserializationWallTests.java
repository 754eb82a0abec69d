package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Java deserialization is off for the whole JVM once the application has started. The tests run
 * with {@code -Djdk.serialFilter=!*} already (surefire), so the proof that the application installs
 * the wall by itself runs in a fresh JVM without that flag.
 */
class DeserializationWallTests {

    @Test
    void startingTheOdooClientsInstallsARejectAllSerialFilterInAFreshJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SerialFilterProbe.class.getName()).redirectErrorStream(true).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("before=none after=present object=refused");
    }

    @Test
    void inThisJvmTheFilterRejectsEveryClass() throws IOException {
        DeserializationWall.install();
        ObjectInputFilter filter = ObjectInputFilter.Config.getSerialFilter();
        assertThat(filter).isNotNull();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(java.util.List.of("x")));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThatThrownBy(in::readObject).isInstanceOf(InvalidClassException.class)
                    .hasMessageContaining("REJECTED");
        }
    }
}
