package io.hookline.web.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * {@code POST /hooks-noop/{id}}: the benchmark's yardstick (bench/hooks-bench.sh). It exists only in a
 * {@code -Pbench} build: this source folder is compiled by webhooks-web's {@code bench} profile alone, into
 * a WAR of another name, so a normal build never ships it. A JAX-RS application of its own, like
 * {@code /hooks}, so the request goes through the same container, servlet and JAX-RS layers.
 */
@ApplicationPath("/hooks-noop")
public class NoopApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(NoopResource.class);
    }
}
