package dev.odoomcp.testing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.Locale;
import java.util.Set;

/**
 * Date granularities of {@code read_group} ({@code date:month} ...): the period a date falls in,
 * the period's end and the label Odoo shows (en_US formats: {@code 29 Jan 2022}, {@code W5 2022},
 * {@code January 2022}, {@code Q1 2022}, {@code 2022}).
 */
final class Periods {

    static final Set<String> GRANULARITIES = Set.of("day", "week", "month", "quarter", "year");

    private static final WeekFields US = WeekFields.of(DayOfWeek.SUNDAY, 1);

    private Periods() {}

    /** First day of the period containing {@code value} (a date or datetime string). */
    static LocalDate start(String value, String granularity) {
        LocalDate d = LocalDate.parse(value.substring(0, 10));
        return switch (granularity) {
            case "day" -> d;
            case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case "month" -> d.withDayOfMonth(1);
            case "quarter" -> d.withDayOfMonth(1).withMonth(((d.getMonthValue() - 1) / 3) * 3 + 1);
            default -> d.withDayOfYear(1);
        };
    }

    static LocalDate end(LocalDate start, String granularity) {
        return switch (granularity) {
            case "day" -> start.plusDays(1);
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            case "quarter" -> start.plusMonths(3);
            default -> start.plusYears(1);
        };
    }

    static String label(LocalDate start, String granularity) {
        return switch (granularity) {
            case "day" -> start.format(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH));
            case "week" -> "W" + start.get(US.weekOfWeekBasedYear()) + " " + start.get(US.weekBasedYear());
            case "month" -> start.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
            case "quarter" -> "Q" + start.get(IsoFields.QUARTER_OF_YEAR) + " " + start.getYear();
            default -> String.valueOf(start.getYear());
        };
    }

    /** The bound as the field type writes it: {@code 2022-01-01} or {@code 2022-01-01 00:00:00}. */
    static String bound(LocalDate day, boolean datetime) {
        return datetime ? day + " 00:00:00" : day.toString();
    }
}
