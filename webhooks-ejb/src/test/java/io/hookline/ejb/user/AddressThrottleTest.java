package io.hookline.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AddressThrottleTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    @Test
    void theBurstPassesThenTheNextWaitsForItsToken() {
        AddressThrottle throttle = new AddressThrottle(3, 10, 100, nanos::get); // a token every 6 s
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.tryAcquire("10.0.0.1").allowed(), "attempt " + (i + 1));
        }
        AddressThrottle.Decision refused = throttle.tryAcquire("10.0.0.1");
        assertFalse(refused.allowed());
        assertEquals(6, refused.retryAfterSeconds());
        assertTrue(throttle.tryAcquire("10.0.0.2").allowed(), "another address has its own bucket");
        nanos.addAndGet(5_000_000_000L);
        assertEquals(1, throttle.tryAcquire("10.0.0.1").retryAfterSeconds());
        nanos.addAndGet(1_000_000_000L);
        assertTrue(throttle.tryAcquire("10.0.0.1").allowed());
        assertFalse(throttle.tryAcquire("10.0.0.1").allowed());
    }

    @Test
    void aSuccessGivesItsTokenBack() {
        AddressThrottle throttle = new AddressThrottle(2, 10, 100, nanos::get);
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.tryAcquire("a").allowed());
            throttle.giveBack("a");
        }
        assertTrue(throttle.tryAcquire("a").allowed());
        assertTrue(throttle.tryAcquire("a").allowed());
        assertFalse(throttle.tryAcquire("a").allowed());
    }

    @Test
    void rememberedAddressesAreBounded() {
        AddressThrottle throttle = new AddressThrottle(1, 10, 50, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            throttle.tryAcquire("10.1." + (i / 256) + "." + (i % 256));
        }
        assertEquals(50, throttle.size());
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertEquals("2001:db8:1:2::/64", SignInThrottle.key("2001:db8:1:2:aaaa::1"));
        assertEquals(SignInThrottle.key("2001:db8:1:2::5"), SignInThrottle.key("[2001:db8:1:2:ffff::9]"));
        assertEquals("192.0.2.7", SignInThrottle.key("192.0.2.7"));
        assertEquals("192.0.2.7", SignInThrottle.key("::ffff:192.0.2.7"));
        assertEquals("unknown", SignInThrottle.key(null));
    }
}
