package dev.odoomcp.odoo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server version as Odoo reports it ({@code 18.0}, {@code 18.0+e-20241005}, {@code saas~18.4},
 * {@code 19.0}) with its major and minor numbers.
 */
record OdooVersion(String version, int major, int minor) {

    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)");

    static OdooVersion parse(String version) {
        Matcher m = version == null ? null : NUMBERS.matcher(version);
        if (m == null || !m.find()) {
            throw new OdooException(OdooErrorKind.PROTOCOL_ERROR, "The server reported an unrecognised Odoo version"
                    + "; check that X-Odoo-Url points to an Odoo server.");
        }
        return new OdooVersion(version, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** JSON-2 exists from 19.0 and on Odoo Online from saas~18.4. */
    boolean hasJson2() {
        return major > 18 || (major == 18 && minor >= 4);
    }
}
