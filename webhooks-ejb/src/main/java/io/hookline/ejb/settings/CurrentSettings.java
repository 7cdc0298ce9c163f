package io.hookline.ejb.settings;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The settings in force, for readers on the hook's hot path. {@link SettingsService} loads and replaces them;
 * reading them here is a volatile read behind a CDI proxy, where asking the singleton EJB costs a container
 * call (interceptors, lock, invocation context) per read: three a hook request before this class existed
 * (bench/README.md, the profile after the first hot-path work).
 */
@ApplicationScoped
public class CurrentSettings {

    private volatile Settings settings;

    /** The settings of the next request. */
    public Settings get() {
        Settings now = settings;
        if (now == null) {
            // SettingsService is a @Startup singleton: no request is served before it has loaded them.
            throw new IllegalStateException("The settings have not been loaded yet");
        }
        return now;
    }

    void set(Settings changed) {
        settings = changed;
    }
}
