package dev.odoomcp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bridge's {@code -Xlog:gc} file says about heap allocated between two moments: the heap
 * grows only by allocation between collections, so the allocation is the sum of (heap before a
 * collection − heap after the previous one), from the heap in use at the start to the heap in use
 * at the end. Deterministic where CPU time is not: machine load does not change it.
 */
final class GcLog {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** Where the log ends now; pass it to {@link #allocatedMb}. */
    long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** MiB allocated since {@code mark}, given the heap in use then and now; NaN when unknown. */
    double allocatedMb(long mark, double usedThen, double usedNow) {
        if (Double.isNaN(usedThen) || Double.isNaN(usedNow)) {
            return Double.NaN;
        }
        String text;
        try {
            byte[] all = Files.readAllBytes(file);
            int from = (int) Math.min(mark, all.length);
            text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Double.NaN;
        }
        double allocated = 0;
        double previous = usedThen;
        Matcher m = GC_LINE.matcher(text);
        while (m.find()) {
            allocated += Math.max(0, Double.parseDouble(m.group(1)) - previous);
            previous = Double.parseDouble(m.group(2));
        }
        return allocated + Math.max(0, usedNow - previous);
    }
}
