package dev.odoomcp.testing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Odoo release a {@link FakeOdoo} pretends to be, parsed the way Odoo's {@code release.py}
 * builds it: {@code 18.0} → {@code (18, 0, 0, 'final', 0, '')}, {@code saas~18.4} →
 * {@code ('saas~18', 4, 0, 'final', 0, '')}.
 *
 * @param serverVersion exactly what {@code server_version} reports, e.g. {@code 18.0+e-20241005}
 * @param major major version, e.g. 18
 * @param minor minor version, e.g. 0 or 4
 * @param saas whether this is an Odoo Online ({@code saas~}) release
 */
record OdooVersion(String serverVersion, int major, int minor, boolean saas) {

    private static final Pattern SHAPE = Pattern.compile("(saas~)?(\\d{2})\\.(\\d+)([-+~].*)?");

    static OdooVersion parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("Odoo version must look like 18.0 or saas~18.4, got: " + text);
        }
        int major = Integer.parseInt(m.group(2));
        if (major < 14 || major > 21) {
            throw new IllegalArgumentException("FakeOdoo supports Odoo 14 to 21, got: " + text);
        }
        return new OdooVersion(text.trim(), major, Integer.parseInt(m.group(3)), m.group(1) != null);
    }

    /** {@code server_serie}: major.minor with the saas prefix, without build suffix. */
    String serie() {
        return (saas ? "saas~" : "") + major + "." + minor;
    }

    /** {@code server_version_info} as Odoo sends it. */
    List<Object> versionInfo() {
        Object first = saas ? "saas~" + major : (Object) (long) major;
        return List.of(first, (long) minor, 0L, "final", 0L, "");
    }

    boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** JSON-2 ({@code /json/2/...}) exists from saas~18.4 and 19.0. */
    boolean hasJson2() {
        return atLeast(18, 4);
    }

    /** {@code GET /web/version} exists from 19.0. */
    boolean hasWebVersion() {
        return major >= 19;
    }

    /** {@code formatted_read_group} arrived with saas~18.4 / 19.0. */
    boolean hasFormattedReadGroup() {
        return atLeast(18, 4);
    }

    /** Odoo 19 renamed {@code name_search(args=...)} to {@code domain=...}. */
    boolean nameSearchTakesDomain() {
        return major >= 19;
    }
}
