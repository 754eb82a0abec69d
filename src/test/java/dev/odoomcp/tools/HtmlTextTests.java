package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTML from Odoo as text, and plain text as the HTML Odoo stores. */
class HtmlTextTests {

    @Test
    void blocksBecomeLinesAndEntitiesAreDecoded() {
        assertThat(HtmlText.of("<p>Deliver to <b>dock 3</b><br/>before noon &amp; call</p><p>Thanks</p>"))
                .isEqualTo("Deliver to dock 3\nbefore noon & call\nThanks");
        assertThat(HtmlText.of("<div>Items:<ul><li>chairs</li><li>tables &lt;oak&gt;</li></ul></div>"))
                .isEqualTo("Items:\n- chairs\n- tables <oak>");
        assertThat(HtmlText.of("<p>a&nbsp;&nbsp; b</p><script>alert(1)</script><style>p{}</style>"))
                .isEqualTo("a b");
        assertThat(HtmlText.of("plain   text\n\n\nnext")).isEqualTo("plain text\nnext");
        assertThat(HtmlText.of("<p>unclosed <b>bold <i>text")).isEqualTo("unclosed bold text");
        assertThat(HtmlText.of("")).isEmpty();
    }

    @Test
    void aDeeplyNestedOrHugeBodyIsStillText() {
        String nested = "<div>".repeat(50_000) + "deep" + "</div>".repeat(50_000);
        assertThat(HtmlText.of(nested)).isEqualTo("deep");
        String many = "<p>x</p>".repeat(100_000);
        assertThat(HtmlText.of(many)).hasSize(2 * 100_000 - 1);
    }

    @Test
    void plainTextIsEscapedWithItsLineBreaksKept() {
        assertThat(HtmlText.fromPlain("Tom & Jerry <3 \"quotes\" 'single'\nnext line\n\nnew paragraph\r\n"))
                .isEqualTo("<p>Tom &amp; Jerry &lt;3 &quot;quotes&quot; &#39;single&#39;<br>next line</p><p>new "
                        + "paragraph</p>");
        assertThat(HtmlText.of(HtmlText.fromPlain("a < b\nc"))).isEqualTo("a < b\nc");
    }
}
