package io.hookline.ejb.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one meter registry (Micrometer, rendered in Prometheus' text format by {@code GET /metrics}).
 * Each feature registers its own meters here once, when its bean is created, and keeps them in fields, so the hook
 * path never looks a meter up by name. The registry lives in the EAR's {@code lib/}: neither server's own metrics
 * library is visible to the application (WildFly's standalone.xml has no micrometer subsystem; Payara ships none),
 * so both run this exact version.
 * <p>
 * JVM meters come along (heap, threads, CPU, uptime); not the garbage collector's, whose binder registers JMX
 * listeners that would outlive a redeployment. The pool's use by Hookline's own JDBC code comes from
 * {@link MeteredConnections}.
 */
@ApplicationScoped
public class HooklineMeters {

    private final PrometheusMeterRegistry registry;

    public HooklineMeters() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        MeteredConnections.shared().bindTo(registry);
    }

    /** Where features register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter now, in Prometheus' text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
