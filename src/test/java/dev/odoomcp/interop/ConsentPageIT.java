package dev.odoomcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The consent page in a real browser (Debian's Chromium, headless, driven by playwright-core): rendering,
 * labels, keyboard order and submit, the wrong-key error in place, the redirect back with a working code,
 * a phone-width layout in Spanish, and no framing. Screenshots go to {@code target/consent-screenshots}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "oauth.token-keys=k1:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="
        })
class ConsentPageIT {

    static final String KEY = "browser-test-key-91b0";
    static FakeOdoo odoo;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOdoo() {
        odoo = FakeOdoo.builder()
                .version("18.0")
                .database("mycompany", FakeOdooDatasets.demoCompany("mycompany", "admin@mycompany.example", KEY))
                .start();
    }

    @AfterAll
    static void stopOdoo() {
        odoo.close();
    }

    @Test
    void aPersonCanConnectWithTheKeyboardOnDesktopAndPhone() throws Exception {
        Path shots = Path.of("target/consent-screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        Map<String, String> env = Map.of(
                "ODOO_FIELDS",
                "{\"odoo_url\":\"" + odoo.baseUrl() + "\",\"odoo_db\":"
                        + "\"mycompany\",\"odoo_login\":\"admin@mycompany.example\",\"odoo_key\":\"" + KEY + "\"}",
                "SCREENSHOT_DIR",
                shots.toString());
        NodeTools.Run run = NodeTools.node(Duration.ofMinutes(3), env, "consent-page.mjs", "http://127.0.0.1:" + port);
        System.out.println("consent page in chromium: " + run.all());
        assertThat(run.exitCode()).as(run.all()).isZero();
        for (String name : new String[] {"consent-desktop.png", "consent-error.png", "consent-phone-es.png"}) {
            BufferedImage image = ImageIO.read(shots.resolve(name).toFile());
            assertThat(image).as(name).isNotNull();
            assertThat(image.getWidth()).as(name).isGreaterThanOrEqualTo(390);
        }
        assertThat(odoo.calls()).isNotEmpty();
    }
}
