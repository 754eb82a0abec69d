package dev.odoomcp.tools;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML from Odoo (Html fields, chatter bodies) as plain text for an assistant: parsed by jsoup, a
 * real HTML parser that copes with whatever a remote server sends in linear time, rather than
 * regular expressions over remote input. Block elements and {@code <br>} become line breaks, list
 * items get a dash, entities are decoded, runs of spaces and blank lines collapse.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "tr",
            "table",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "hr",
            "section",
            "article",
            "header",
            "footer");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title");

    private HtmlText() {}

    /** The text of {@code html}, lines separated by {@code \n}, without leading or trailing blank space. */
    public static String of(String html) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return collapse(html);
        }
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 16));
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && !inSkipped(text)) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                    if ("li".equals(element.normalName())) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                }
            }
        });
        return collapse(out);
    }

    /**
     * Plain text as the simple HTML Odoo stores in a chatter body or an Html field: special characters
     * escaped, a blank line starting a new paragraph, a line break kept as {@code <br>}.
     */
    public static String fromPlain(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16).append("<p>");
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c == '\n') {
                newlines++;
                continue;
            }
            if (newlines > 0) {
                html.append(newlines > 1 ? "</p><p>" : "<br>");
                newlines = 0;
            }
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.append("</p>").toString();
    }

    private static boolean inSkipped(TextNode text) {
        Element parent = text.parent();
        return parent != null && SKIPPED.contains(parent.normalName());
    }

    /** Spaces and tabs to one space, no space around line breaks, at most one line break in a row, trimmed. */
    private static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                newline = true;
                space = false;
            } else if (Character.isWhitespace(c) || c == '\u00a0') {
                space = true;
            } else {
                if (out.length() > 0) {
                    if (newline) {
                        out.append('\n');
                    } else if (space) {
                        out.append(' ');
                    }
                }
                newline = false;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
