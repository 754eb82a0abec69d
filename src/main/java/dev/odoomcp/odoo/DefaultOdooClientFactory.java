package dev.odoomcp.odoo;

import dev.odoomcp.security.GuardedDnsResolver;
import dev.odoomcp.security.OutboundAborter;
import dev.odoomcp.security.TargetAddressPolicy;
import java.util.function.Function;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production {@link OdooClientFactory}: owns the shared HTTP pool, the XML-RPC machinery,
 * the version cache and the uid cache, and builds a cheap per-request client on top of them.
 */
final class DefaultOdooClientFactory implements OdooClientFactory, OutboundAborter, AutoCloseable {

    /** JSON answers nest at most this deep; XML-RPC's equivalent is {@link SecureXml#MAX_ELEMENT_DEPTH}. */
    static final int MAX_JSON_NESTING = 100;

    private final CredentialsParser parser;
    private final OdooHttp http;
    private final XmlRpcCaller xmlRpc;
    private final JsonMapper json;
    private final ServerDetector detector;
    private final AuthCache auth;
    private final OdooCallListener listener;

    DefaultOdooClientFactory(OdooProperties props) {
        this(props, OdooCallListener.NONE);
    }

    DefaultOdooClientFactory(OdooProperties props, OdooCallListener listener) {
        this(props, new GuardedDnsResolver(new TargetAddressPolicy(props.allowPrivateNetworks())), listener);
    }

    DefaultOdooClientFactory(OdooProperties props, GuardedDnsResolver resolver) {
        this(props, resolver, OdooCallListener.NONE);
    }

    DefaultOdooClientFactory(OdooProperties props, GuardedDnsResolver resolver, OdooCallListener listener) {
        this.listener = listener;
        TargetAddressPolicy policy = new TargetAddressPolicy(props.allowPrivateNetworks());
        this.parser = new CredentialsParser(props, policy);
        this.http = new OdooHttp(props, resolver);
        this.xmlRpc = new XmlRpcCaller(http);
        this.json = jsonMapper(props);
        this.detector = new ServerDetector(http, xmlRpc, json, props);
        this.auth = new AuthCache(props);
    }

    @Override
    public OdooCredentials credentialsFrom(Function<String, String> header) {
        return parser.parse(header);
    }

    @Override
    public OdooClient clientFor(OdooCredentials credentials) {
        return new DetectingOdooClient(
                credentials,
                detector,
                version -> new XmlRpcOdooClient(credentials, version, xmlRpc, auth),
                version -> new Json2OdooClient(credentials, version, http, json, auth),
                listener,
                http.budget());
    }

    @Override
    public boolean recentlyAccepted(OdooCredentials credentials) {
        return auth.recentlyAccepted(credentials);
    }

    @Override
    public void abort(Thread worker) {
        http.abort(worker);
    }

    /** Odoo requests being executed now (all tenants); zero when idle. */
    int executing() {
        return http.executing();
    }

    @Override
    public void close() {
        http.close();
    }

    private static JsonMapper jsonMapper(OdooProperties props) {
        // No Odoo answer nests 100 deep, has a 100-digit number or a 1,000-character key.
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_JSON_NESTING)
                .maxNumberLength(100)
                .maxNameLength(1_000)
                .maxStringLength((int) props.maxResponseSize().toBytes())
                .maxDocumentLength(props.maxResponseSize().toBytes())
                .build();
        return JsonMapper.builder(
                        JsonFactory.builder().streamReadConstraints(limits).build())
                .build();
    }
}
