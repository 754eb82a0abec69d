package dev.odoomcp.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one table the bench prints: rows of the eight sections ({@link #SECTIONS}) in that order
 * whatever order they were measured in, each with a
 * value or a latency distribution, the target and whether it was met. Markdown, so the same text
 * goes into {@code docs/benchmarks.md}.
 */
final class BenchTable {

    static final String[] SECTIONS = {
        "",
        "1 Odoo round trips",
        "2 CPU per call",
        "3 Added latency",
        "4 Throughput",
        "5 Concurrency",
        "6 Footprint",
        "7 Caches",
        "8 Side by side"
    };

    /** One line of the table; {@code met} is null where no target applies. */
    record Row(int section, int order, String measure, String value, Stats stats, String target, Boolean met) {}

    private final String[] sections;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** The table of {@code bench/run}, with its five sections. */
    BenchTable() {
        this(SECTIONS);
    }

    /** A table with its own sections; {@code sections[0]} is unused, numbering starts at 1. */
    BenchTable(String... sections) {
        this.sections = sections.clone();
    }

    void add(int section, String measure, String value, String target, Boolean met) {
        rows.add(new Row(section, rows.size(), measure, value, null, target, met));
    }

    void add(int section, String measure, Stats stats) {
        rows.add(new Row(section, rows.size(), measure, "n=" + stats.n(), stats, "", null));
    }

    /** A line printed under the table (settings the figures depend on). */
    void note(String text) {
        notes.add(text);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("| Section | Measure | Value | min ms | median ms | p99 ms | max ms | Target | Met |\n");
        out.append("|---|---|---|--:|--:|--:|--:|---|---|\n");
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Row::section).thenComparingInt(Row::order));
        int last = 0;
        for (Row r : sorted) {
            String section = r.section() == last ? "" : sections[r.section()];
            last = r.section();
            Stats s = r.stats();
            out.append("| ")
                    .append(section)
                    .append(" | ")
                    .append(r.measure())
                    .append(" | ")
                    .append(r.value())
                    .append(" | ")
                    .append(s == null ? "" : ms(s.min()))
                    .append(" | ")
                    .append(s == null ? "" : ms(s.median()))
                    .append(" | ")
                    .append(s == null ? "" : ms(s.p99()))
                    .append(" | ")
                    .append(s == null ? "" : ms(s.max()))
                    .append(" | ")
                    .append(r.target())
                    .append(" | ")
                    .append(r.met() == null ? "" : r.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        for (String note : notes) {
            out.append("\n").append(note);
        }
        return out.append('\n').toString();
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    static String num(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }
}
