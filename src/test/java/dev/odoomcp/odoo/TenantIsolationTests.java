package dev.odoomcp.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Two tenants on one Odoo URL with different databases and keys, and an impostor reusing one
 * tenant's login with a wrong key, all interleaved on many threads through one factory.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantIsolationTests {

    private static final String KEY_A = "tenant-a-key-7c1f0e";
    private static final String KEY_B = "tenant-b-key-93ab42";
    private static final String WRONG = "impostor-key-000000";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static String xmlValue(String inner) {
        return "<?xml version=\"1.0\"?><methodResponse><params><param><value>" + inner
                + "</value></param></params></methodResponse>";
    }

    private static MappingBuilder xmlrpc(String service, String method, String... params) {
        MappingBuilder m = post(urlPathEqualTo("/xmlrpc/2/" + service))
                .withRequestBody(matchingXPath("/methodCall/methodName[.='" + method + "']"));
        for (int i = 0; i < params.length; i++) {
            if (params[i] != null) {
                m.withRequestBody(
                        matchingXPath("/methodCall/params/param[" + (i + 1) + "]/value[.='" + params[i] + "']"));
            }
        }
        return m;
    }

    private void stubTenants() {
        OdooFixtures.stub(wm, "18.0", "web_version");
        OdooFixtures.stub(wm, "18.0", "xmlrpc_common_version");
        wm.stubFor(xmlrpc("common", "authenticate", "acme", "admin", KEY_A)
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(xmlValue("<int>2</int>"))));
        wm.stubFor(xmlrpc("common", "authenticate", "globex", "admin", KEY_B)
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(xmlValue("<int>7</int>"))));
        wm.stubFor(xmlrpc("common", "authenticate", "acme", "admin", WRONG)
                .willReturn(
                        aResponse().withHeader("Content-Type", "text/xml").withBody(xmlValue("<boolean>0</boolean>"))));
        wm.stubFor(xmlrpc("object", "execute_kw", "acme", "2", KEY_A)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/xml")
                        .withBody(xmlValue("<string>data of tenant A</string>"))));
        wm.stubFor(xmlrpc("object", "execute_kw", "globex", "7", KEY_B)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/xml")
                        .withBody(xmlValue("<string>data of tenant B</string>"))));
    }

    @Test
    void interleavedTenantsGetOnlyTheirOwnDataAndAWrongKeyNeverRidesACachedUid(CapturedOutput output) throws Exception {
        stubTenants();
        OdooProperties props = OdooFixtures.loopbackProperties();
        try (DefaultOdooClientFactory factory = new DefaultOdooClientFactory(props)) {
            OdooCredentials a = OdooFixtures.credentials(wm, "acme", "admin", KEY_A, null);
            OdooCredentials b = OdooFixtures.credentials(wm, "globex", "admin", KEY_B, null);
            OdooCredentials impostor = OdooFixtures.credentials(wm, "acme", "admin", WRONG, null);
            OdooCall call = OdooCall.onModel("res.partner", "name_get_all");
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        int who = (thread + i) % 3;
                        OdooCredentials creds = who == 0 ? a : who == 1 ? b : impostor;
                        try {
                            String got = factory.clientFor(creds).execute(call).asString();
                            String expected = who == 0 ? "data of tenant A" : "data of tenant B";
                            if (who == 2 || !got.equals(expected)) {
                                problems.add("tenant " + who + " got " + got);
                            }
                        } catch (OdooException e) {
                            if (who != 2 || e.kind() != OdooErrorKind.AUTHENTICATION_FAILED) {
                                problems.add("tenant " + who + " failed: " + e.kind() + " " + e.getMessage());
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(problems).isEmpty();
        }
        // one login per tenant (uid cache), one refused login for the impostor (failure cache)
        for (String key : new String[] {KEY_A, KEY_B, WRONG}) {
            assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/xmlrpc/2/common"))
                            .withRequestBody(matchingXPath("/methodCall/params/param[3]/value[.='" + key + "']"))))
                    .hasSize(1);
        }
        wm.verify(
                0,
                postRequestedFor(urlPathEqualTo("/xmlrpc/2/object"))
                        .withRequestBody(matchingXPath("/methodCall/params/param[3]/value[.='" + WRONG + "']")));
        assertThat(output.getAll()).doesNotContain(KEY_A).doesNotContain(KEY_B).doesNotContain(WRONG);
    }
}
