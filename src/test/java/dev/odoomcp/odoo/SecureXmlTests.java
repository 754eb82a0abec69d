package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Pooled readers stay as strict as fresh ones: DOCTYPE refused after reuse, handlers not kept. */
class SecureXmlTests {

    private final SecureXml xml = new SecureXml();

    @Test
    void aReaderGivenBackIsReusedWithoutItsHandlerAndStillRefusesADoctype() throws Exception {
        XMLReader first = xml.borrow();
        List<String> seen = new ArrayList<>();
        first.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                seen.add(local);
            }
        });
        first.parse(new InputSource(new StringReader("<methodResponse><params/></methodResponse>")));
        assertThat(seen).containsExactly("methodResponse", "params");
        xml.giveBack(first);

        XMLReader again = xml.borrow();
        assertThat(again).isSameAs(first);
        again.parse(new InputSource(new StringReader("<a/>")));
        assertThat(seen).hasSize(2); // the old handler, and what it collected, are not kept
        assertThatThrownBy(() ->
                        again.parse(new InputSource(new StringReader("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"))))
                .isInstanceOf(SAXParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anEmptyPoolMakesFreshReaders() throws Exception {
        assertThat(xml.borrow()).isNotSameAs(xml.borrow());
    }
}
