package dev.odoomcp.odoo;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX readers for answers from servers we do not trust: no DOCTYPE (hence no entities, no
 * external DTDs, no expansion bombs), secure processing limits on, elements nested at most
 * {@link #MAX_ELEMENT_DEPTH} deep (the XML-RPC parser recurses once per level), namespace aware as
 * the XML-RPC parser needs, and silent: without an error handler of its own the JDK parser prints
 * each error, with the remote text in it, as a {@code [Fatal Error]} line on stderr.
 */
final class SecureXml {

    /**
     * Elements nested at most this deep. An XML-RPC value takes three elements per level
     * ({@code value/array/data}, {@code value/struct/member}); Odoo's deepest answers use a few
     * dozen, and JSON answers are held to 100 levels (see {@code DefaultOdooClientFactory}).
     */
    static final int MAX_ELEMENT_DEPTH = 400;

    private static final String MAX_DEPTH_PROPERTY = "jdk.xml.maxElementDepth";

    /** Fails on errors, like the default, but prints nothing. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // nothing worth stopping for, nothing to print
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** Readers kept for reuse: making one costs more than parsing a typical answer. */
    private static final int POOLED = 64;

    private static final DefaultHandler NO_HANDLER = new DefaultHandler();

    private final SAXParserFactory factory;
    private final BlockingQueue<XMLReader> idle = new ArrayBlockingQueue<>(POOLED);

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

    /**
     * A reader, reused when one is idle. Give it back with {@link #giveBack} only after a parse that
     * succeeded; a reader that failed on a hostile answer is simply dropped.
     */
    XMLReader borrow() throws ParserConfigurationException, SAXException {
        XMLReader reader = idle.poll();
        return reader != null ? reader : newReader();
    }

    /** Returns a reader after a successful parse, without the handler (and results) it held. */
    void giveBack(XMLReader reader) {
        reader.setContentHandler(NO_HANDLER);
        idle.offer(reader);
    }

    /** A fresh reader; the factory is shared, so creation is serialized. */
    XMLReader newReader() throws ParserConfigurationException, SAXException {
        XMLReader reader;
        synchronized (factory) {
            reader = factory.newSAXParser().getXMLReader();
        }
        reader.setProperty(MAX_DEPTH_PROPERTY, Integer.toString(MAX_ELEMENT_DEPTH));
        reader.setErrorHandler(SILENT);
        return reader;
    }
}
