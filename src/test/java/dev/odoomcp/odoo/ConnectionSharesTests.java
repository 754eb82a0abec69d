package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sharing rules on their own, without network: who may take a connection, and what a refusal says. */
class ConnectionSharesTests {

    private static final Duration SHORT = Duration.ofMillis(200);

    @Test
    void aHostAloneLeavesRoomForANewcomer() {
        ConnectionShares shares = new ConnectionShares(4, 4, SHORT);
        shares.acquire("http://a:1");
        shares.acquire("http://a:1");
        OdooException third = catchThrowableOfType(OdooException.class, () -> shares.acquire("http://a:1"));
        assertThat(third.kind()).isEqualTo(OdooErrorKind.TIMEOUT);
        assertThat(third.getMessage()).contains("http://a:1").contains("its share of the bridge's connections");
        shares.acquire("http://b:1");
        assertThat(shares.held("http://a:1")).isEqualTo(2);
        assertThat(shares.held("http://b:1")).isEqualTo(1);
    }

    @Test
    void whenEveryConnectionIsTakenTheBridgeSaysItIsSaturated() {
        ConnectionShares shares = new ConnectionShares(2, 2, SHORT);
        shares.acquire("http://a:1");
        shares.acquire("http://b:1");
        OdooException e = catchThrowableOfType(OdooException.class, () -> shares.acquire("http://c:1"));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.BRIDGE_BUSY);
        assertThat(e.getMessage())
                .contains("saturated")
                .contains("ODOO_MAX_CONNECTIONS")
                .contains("not asked");
    }

    @Test
    void aReleasedConnectionGoesToAWaiterAndIsCountedOnce() throws Exception {
        ConnectionShares shares = new ConnectionShares(2, 2, Duration.ofSeconds(10));
        ConnectionShares.Lease a = shares.acquire("http://a:1");
        shares.acquire("http://b:1");
        CompletableFuture<ConnectionShares.Lease> c = CompletableFuture.supplyAsync(() -> shares.acquire("http://c:1"));
        a.close();
        a.close();
        assertThat(c.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(shares.used()).isEqualTo(2);
        assertThat(shares.held("http://a:1")).isZero();
    }

    @Test
    void anInterruptedWaiterIsCancelled() throws Exception {
        ConnectionShares shares = new ConnectionShares(1, 1, Duration.ofSeconds(30));
        shares.acquire("http://a:1");
        CompletableFuture<OdooException> waiter = new CompletableFuture<>();
        Thread t = new Thread(
                () -> waiter.complete(catchThrowableOfType(OdooException.class, () -> shares.acquire("http://b:1"))));
        t.start();
        org.awaitility.Awaitility.await().until(() -> t.getState() == Thread.State.TIMED_WAITING);
        t.interrupt();
        assertThat(waiter.get(10, TimeUnit.SECONDS).getMessage()).contains("was cancelled");
        assertThat(shares.used()).isEqualTo(1);
    }
}
