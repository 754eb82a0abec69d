package dev.odoomcp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code bench/scale} from rotting: the whole scale-out harness once with tiny counts (bridges
 * as their own processes from this test's class path, a real Redis and haproxy), checking that both
 * sections have measured numbers and every call succeeded. Asserts no speed.
 */
class ScaleBenchSmokeTests {

    @Test
    void harnessMeasuresTheRedisCheckAndOneVersusTwoInstances(@TempDir Path work) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServerProcess.Launch launch = new ServerProcess.Launch(
                java, List.of("-cp", System.getProperty("java.class.path"), "dev.odoomcp.OdooMcpBridgeApplication"));
        Bench.Report report;
        try (BenchOdoo fakes = new BenchOdoo(Duration.ofMillis(50), Duration.ofMillis(2), 1)) {
            report = ScaleBench.run(ScaleBench.Config.smoke(launch, work), fakes.urls());
        }
        List<BenchTable.Row> rows = report.table().rows();
        assertThat(rows)
                .filteredOn(r -> r.section() == 1 && r.stats() != null)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.stats().n()).isEqualTo(20));
        assertThat(rows)
                .filteredOn(r -> r.section() == 2 && r.value().contains("req/s"))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.value()).matches("\\d+ req/s( \\(\\d+\\.\\d\\d×\\))?"));
        assertThat(report.text()).contains("| 1 Redis check per call |", "| 2 Throughput, 1 vs 2 instances |");
    }
}
