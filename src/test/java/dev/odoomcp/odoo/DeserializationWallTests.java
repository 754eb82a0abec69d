package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Java deserialization is off for the whole JVM once the application has started. Surefire runs
 * the tests with {@code -Djdk.serialFilter=!*}, under which any check in this JVM would pass whether
 * or not the application installs its wall; so each check runs {@link SerialFilterProbe} in a fresh
 * JVM whose only serial filter is the one the application installs (or the operator's own).
 */
class DeserializationWallTests {

    @Test
    void startingTheOdooClientsInstallsARejectAllSerialFilterInAFreshJvm() throws Exception {
        assertThat(probe()).contains("before=none after=present object=refused");
    }

    @Test
    void anOperatorsOwnSerialFilterIsKept() throws Exception {
        // this filter lets the probe's ArrayList (and its Object[]) through: the wall must not replace it
        assertThat(probe("-Djdk.serialFilter=java.util.*;java.lang.*;!*"))
                .contains("before=present after=present object=read [payload]");
    }

    /** What the probe printed, run in a JVM started with only the given options and this classpath. */
    private static String probe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SerialFilterProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // options the environment would slip into every JVM (a serial filter among them) stay out
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        Process probe = builder.start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        return output;
    }
}
