package dev.odoomcp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the figures depend on besides the code: CPUs, load (other work on the machine), JVMs. */
final class Machine {

    private Machine() {}

    static String describe(Path serverJava) {
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), "
                + memory() + "\n"
                + "Load at start (/proc/loadavg): " + loadAverage() + "\n"
                + "Load generator JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + "\n"
                + "Server JVM: " + javaVersion(serverJava) + "\n";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2] + " (1/5/15 min; "
                    + Runtime.getRuntime().availableProcessors() + " CPUs)";
        } catch (IOException e) {
            return "n/a";
        }
    }

    static double loadNow() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}; 100 on Linux). */
    private static final double TICKS_PER_SECOND = clockTicks();

    /**
     * CPU time used so far by process {@code pid}, user plus system, all its threads: fields 14 and
     * 15 of {@code /proc/<pid>/stat}, in milliseconds (resolution 10 ms at 100 ticks a second).
     */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) may hold spaces and parentheses: count from the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB memory")
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** The {@code Runtime Environment} line of {@code java -version}. */
    static String javaVersion(Path java) {
        try {
            Process p = new ProcessBuilder(java.toString(), "-version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            List<String> lines = out.lines().toList();
            return lines.stream()
                    .filter(l -> l.contains("Runtime Environment"))
                    .findFirst()
                    .orElse(lines.isEmpty() ? "unknown" : lines.get(0))
                    .trim();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Feature release of a {@code java} executable (17, 25, ...). */
    static int feature(Path javaExe) {
        String v = javaVersion(javaExe);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("build (\\d+)").matcher(v);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
