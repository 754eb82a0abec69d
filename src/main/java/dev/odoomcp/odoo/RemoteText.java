package dev.odoomcp.odoo;

/**
 * Text that came from a tenant's server (fault strings, error messages, version strings), made
 * safe before any other code looks at it. Exists because that server may be hostile: a fault of
 * 300,000 spaces kept a backtracking regex busy for minutes, a path of 100,000 segments overflowed
 * the stack of a repeated regex group, and a line break in a message could forge a log line.
 * Everything here is one linear pass; no regular expression ever sees text that was not
 * {@link #bounded} first.
 */
final class RemoteText {

    /** How much of a remote text is ever examined; Odoo's own messages are far shorter. */
    static final int MAX_SCAN = 8 * 1024;

    private static final String PATH_MARK = "<path>";

    private RemoteText() {}

    /**
     * At most {@link #MAX_SCAN} characters: the end of a Python traceback (where its final exception
     * line is), else the beginning (where a message starts).
     */
    static String bounded(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_SCAN) {
            return text;
        }
        return isTraceback(text) ? text.substring(text.length() - MAX_SCAN) : text.substring(0, MAX_SCAN);
    }

    static boolean isTraceback(String text) {
        int i = 0;
        while (i < text.length() && i < 64 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.startsWith("Traceback", i);
    }

    /**
     * One line: every run of whitespace and control characters (line breaks of any kind included)
     * becomes one space, with none at either end. What goes into a message or a log line.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpaceOrControl(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Server file paths ({@code /opt/odoo/odoo/models.py}, {@code C:\odoo\x.py}: two or more
     * segments) replaced by {@code <path>}, so a message never reveals the server's layout.
     */
    static String withoutPaths(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = i;
            int from = hasDriveLetter(text, i) ? i + 2 : i;
            int end = pathEnd(text, from);
            if (end > 0) {
                out.append(PATH_MARK);
                i = end;
            } else {
                out.append(text.charAt(start));
                i = start + 1;
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** Where a path of two or more segments starting at {@code i} ends, or -1 when there is none. */
    private static int pathEnd(String text, int i) {
        int segments = 0;
        int j = i;
        while (j + 1 < text.length() && isSeparator(text.charAt(j)) && isSegmentChar(text.charAt(j + 1))) {
            j += 2;
            while (j < text.length() && isSegmentChar(text.charAt(j))) {
                j++;
            }
            segments++;
        }
        return segments >= 2 ? j : -1;
    }

    private static boolean hasDriveLetter(String text, int i) {
        char c = i < text.length() ? text.charAt(i) : 0;
        return ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) && i + 1 < text.length() && text.charAt(i + 1) == ':';
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isSegmentChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '.'
                || c == '-'
                || c == '~'
                || c == '@'
                || c == '+';
    }

    /** Whitespace, ISO controls, and the Unicode line and paragraph separators. */
    private static boolean isSpaceOrControl(char c) {
        return Character.isWhitespace(c)
                || Character.isISOControl(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT;
    }
}
