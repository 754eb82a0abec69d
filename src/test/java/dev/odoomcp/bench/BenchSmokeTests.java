package dev.odoomcp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark from rotting: runs the whole harness once with tiny counts — the bridge as
 * its own process (from this test's class path), the fake Odoo servers in-process — and checks
 * that the table has every section with measured numbers (the peers and JDK 17 rows are left out:
 * they need a Python with the mcp package and a second JDK). Asserts no speed: that is the
 * full run's job ({@code bench/run}).
 */
class BenchSmokeTests {

    @Test
    void harnessMeasuresAllSections(@TempDir Path work) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServerProcess.Launch launch = new ServerProcess.Launch(
                java, List.of("-cp", System.getProperty("java.class.path"), "dev.odoomcp.OdooMcpBridgeApplication"));
        Duration slow = Duration.ofMillis(50);
        Bench.Report report;
        try (BenchOdoo fakes = new BenchOdoo(slow, Duration.ofMillis(2), 2)) {
            report = Bench.run(BenchConfig.smoke(launch, null, work, slow), fakes.urls());
        }
        String text = report.text();
        assertThat(report.header()).contains("CPUs").contains("Load at start").contains("Server JVM");
        IntStream.rangeClosed(1, 8)
                .forEach(section -> assertThat(text).contains("| " + BenchTable.SECTIONS[section] + " |"));
        List<BenchTable.Row> rows = report.table().rows();
        assertThat(rows)
                .filteredOn(r -> r.section() == 1 && r.measure().startsWith("warm "))
                .hasSize(RoundTripFigure.READ_TOOLS.size())
                .allSatisfy(r -> {
                    assertThat(r.value()).matches("\\d+ \\(.+\\)");
                    assertThat(r.met())
                            .as("round trips of a warm " + r.measure() + ": " + r.value())
                            .isTrue();
                });
        assertThat(rows)
                .filteredOn(r -> r.measure().startsWith("first search_records of a new tenant"))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains("authenticate").contains("search_read"));
        assertThat(rows)
                .filteredOn(r -> r.section() == 2)
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.value()).matches("\\d+\\.\\d+( ms|×)(, \\d+ KiB allocated)?"));
        assertThat(rows)
                .filteredOn(r -> r.section() == 3 && r.stats() != null)
                .allSatisfy(r -> assertThat(r.stats().n()).isPositive());
        assertThat(rows)
                .filteredOn(r -> r.section() == 4 && r.value().endsWith("req/s"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.value()).matches("\\d+ req/s"));
        assertThat(rows)
                .filteredOn(r -> r.section() == 5 && r.measure().contains("succeeded"))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("20 / 0"));
        assertThat(rows)
                .filteredOn(r -> r.section() == 6 && r.measure().startsWith("RSS"))
                .allSatisfy(r -> assertThat(r.value()).matches("\\d+ MiB"));
        assertThat(rows)
                .filteredOn(r -> r.section() == 6 && r.stats() != null)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.stats().median()).isPositive());
        assertThat(rows)
                .filteredOn(r -> r.section() == 7 && r.measure().contains(" / ")
                        || r.section() == 7 && r.measure().contains("speed-up"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.value()).matches("\\d+\\.\\d×"));
    }
}
