package dev.odoomcp.odoo;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * SAX readers for answers from servers we do not trust: no DOCTYPE (hence no entities, no
 * external DTDs, no expansion bombs), secure processing limits on, namespace aware as the
 * XML-RPC parser needs.
 */
final class SecureXml {

    private final SAXParserFactory factory;

    SecureXml() {
        try {
            factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The XML parser of this JVM cannot be configured securely", e);
        }
    }

    /** A fresh reader; the factory is shared, so creation is serialized. */
    XMLReader newReader() throws ParserConfigurationException, SAXException {
        synchronized (factory) {
            return factory.newSAXParser().getXMLReader();
        }
    }
}
