package dev.odoomcp.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the Debian server programs the scale-out tests run for real ({@code redis-server},
 * {@code haproxy}) and free loopback ports for them. A missing program fails the test with what to
 * install: CI installs both ({@code .ci/run}), and these tests are what the issue asks for, so they
 * are never skipped.
 */
final class LocalServers {

    private LocalServers() {}

    static Path program(String name, String aptPackage) {
        List<Path> places = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                places.add(Path.of(dir, name));
            }
        }
        places.add(Path.of("/usr/bin", name));
        places.add(Path.of("/usr/sbin", name));
        for (Path candidate : places) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not installed (looked in PATH, /usr/bin and /usr/sbin). The "
                + "scale-out tests run a real one on loopback: install it with `apt-get install -y " + aptPackage
                + "` (.ci/run does).");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
