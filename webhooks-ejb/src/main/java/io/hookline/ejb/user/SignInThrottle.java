package io.hookline.ejb.user;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.config.DeploymentConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-address limit on sign-in attempts, for the API's {@code POST /api/v4/users/login} and the console's
 * sign-in alike: every attempt takes a token before any database or hashing work, a successful one gives it
 * back, so an address may fail {@value #DEFAULT_BURST} times at once and then {@value #DEFAULT_PER_MINUTE} times
 * a minute. It bounds password guessing across many accounts (which the per-account lock does not see) and the
 * hashing work one address can ask for. IPv6 clients are counted per /64, the block one host usually holds.
 *
 * <p>Deployment settings (environment variable or JVM system property), as other {@code HOOKLINE_*} ones.
 */
@ApplicationScoped
public class SignInThrottle {

    public static final String BURST_SETTING = "HOOKLINE_LOGIN_ATTEMPTS_BURST";
    public static final String PER_MINUTE_SETTING = "HOOKLINE_LOGIN_ATTEMPTS_PER_MINUTE";
    public static final String ADDRESSES_SETTING = "HOOKLINE_LOGIN_ADDRESSES_TRACKED";
    /** Failed attempts one address may make at once. */
    public static final int DEFAULT_BURST = 20;
    /** Failed attempts an address earns back per minute once its burst is used. */
    public static final int DEFAULT_PER_MINUTE = 10;
    /** Addresses remembered at most (as the hook rate limit's store): memory stays bounded under a flood. */
    public static final int DEFAULT_ADDRESSES = 10_000;

    public static final String ERROR_ID = "too_many_requests";

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    @Inject
    @ConfigProperty(name = BURST_SETTING)
    private Optional<String> burstSetting;

    @Inject
    @ConfigProperty(name = PER_MINUTE_SETTING)
    private Optional<String> perMinuteSetting;

    @Inject
    @ConfigProperty(name = ADDRESSES_SETTING)
    private Optional<String> addressesSetting;

    private AddressThrottle throttle;

    @PostConstruct
    void configure() {
        int burst = DeploymentConfig.integer(BURST_SETTING, burstSetting, DEFAULT_BURST, 1, 1_000_000);
        int perMinute =
                DeploymentConfig.integer(PER_MINUTE_SETTING, perMinuteSetting, DEFAULT_PER_MINUTE, 1, 1_000_000);
        int addresses = DeploymentConfig.integer(ADDRESSES_SETTING, addressesSetting, DEFAULT_ADDRESSES, 1, 10_000_000);
        throttle = new AddressThrottle(burst, perMinute, addresses, System::nanoTime);
        LOG.log(
                Level.INFO,
                "Sign-in attempts per address: {0} at once, then {1} a minute ({2} addresses kept)",
                new Object[] {burst, perMinute, addresses});
    }

    /** Takes an attempt from {@code address}'s allowance, or refuses with 429 and the seconds to wait. */
    public void acquire(String address) {
        AddressThrottle.Decision decision = throttle.tryAcquire(key(address));
        if (!decision.allowed()) {
            throw new SignInThrottledException(decision.retryAfterSeconds());
        }
    }

    /** A successful sign-in does not count against its address. */
    public void succeeded(String address) {
        throttle.giveBack(key(address));
    }

    /** The address itself, or for IPv6 its /64 network. Literals only: no name look-up ever happens here. */
    static String key(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            String literal = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1)
                    : address;
            int zone = literal.indexOf('%');
            byte[] bytes = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone))
                    .getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }

    /** 429 with the seconds until the address may try again (the web tier sends them as {@code Retry-After}). */
    public static final class SignInThrottledException extends HooklineException {

        private final long retryAfterSeconds;

        SignInThrottledException(long retryAfterSeconds) {
            super(
                    429,
                    ERROR_ID,
                    "Too many sign-in attempts from this address; retry after " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
