package dev.odoomcp.bench;

import java.util.Arrays;

/** Distribution of latencies in milliseconds: nearest-rank percentiles over all samples. */
record Stats(int n, double min, double median, double p99, double max) {

    static Stats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(
                sorted.length,
                ms(sorted[0]),
                ms(rank(sorted, 0.50)),
                ms(rank(sorted, 0.99)),
                ms(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
