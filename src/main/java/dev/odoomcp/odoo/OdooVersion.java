package dev.odoomcp.odoo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server version as Odoo reports it ({@code 18.0}, {@code 18.0+e-20241005}, {@code saas~18.4},
 * {@code 19.0}) with its major and minor numbers.
 */
record OdooVersion(String version, int major, int minor) {

    private static final int MAX_LENGTH = 64;
    private static final Pattern NUMBERS = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    static OdooVersion parse(String version) {
        // Odoo's versions are short ("saas~18.4+e-20250101"); a hostile one is cut before the regex sees it.
        String shown = version == null ? null : RemoteText.oneLine(RemoteText.shortened(version, MAX_LENGTH));
        Matcher m = shown == null ? null : NUMBERS.matcher(shown);
        if (m == null || !m.find()) {
            throw OdooFaultTranslator.missingInAnswer("the version probe", "recognisable Odoo version");
        }
        return new OdooVersion(shown, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** JSON-2 exists from 19.0 and on Odoo Online from saas~18.4. */
    boolean hasJson2() {
        return major > 18 || (major == 18 && minor >= 4);
    }
}
