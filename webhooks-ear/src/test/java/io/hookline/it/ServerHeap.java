package io.hookline.it;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * The test server's used heap after a full collection. Payara: over its system JMX connector (the domain's
 * {@code jmx-connector} on port {@value #PAYARA_JMX_PORT}, admin realm, the fresh domain's {@code admin} with an
 * empty password). WildFly: through its management API, as the platform MBean resource (local authentication,
 * as Arquillian itself connects). Either way the collection is asked for first: without one "used heap" counts
 * garbage, which would make any margin meaningless.
 */
abstract class ServerHeap implements AutoCloseable {

    static final int PAYARA_JMX_PORT = 8686;
    /** Collections per reading: the second and third collect what the first's finalization freed. */
    private static final int COLLECTIONS = 3;

    static ServerHeap connect() throws Exception {
        return TestServer.isWildFly() ? new WildFlyHeap() : new PayaraHeap();
    }

    /** Bytes of heap in use after full collections. */
    long usedAfterGc() throws Exception {
        for (int i = 0; i < COLLECTIONS; i++) {
            collect();
            Thread.sleep(200);
        }
        return used();
    }

    abstract void collect() throws Exception;

    abstract long used() throws Exception;

    /** The server's heap ceiling (-Xmx), for the failure message. */
    abstract long max() throws Exception;

    private static final class PayaraHeap extends ServerHeap {
        private final JMXConnector connector;
        private final MemoryMXBean memory;

        PayaraHeap() throws Exception {
            JMXServiceURL url =
                    new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + PAYARA_JMX_PORT + "/jmxrmi");
            Map<String, Object> env = new HashMap<>();
            env.put(JMXConnector.CREDENTIALS, new String[] {"admin", ""});
            connector = JMXConnectorFactory.connect(url, env);
            MBeanServerConnection server = connector.getMBeanServerConnection();
            memory = ManagementFactory.newPlatformMXBeanProxy(
                    server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        }

        @Override
        void collect() {
            memory.gc();
        }

        @Override
        long used() {
            return memory.getHeapMemoryUsage().getUsed();
        }

        @Override
        long max() {
            return memory.getHeapMemoryUsage().getMax();
        }

        @Override
        public void close() throws Exception {
            connector.close();
        }
    }

    private static final class WildFlyHeap extends ServerHeap {
        private static final ModelNode MEMORY =
                Operations.createAddress("core-service", "platform-mbean", "type", "memory");
        private final ModelControllerClient client;

        WildFlyHeap() throws Exception {
            client = ModelControllerClient.Factory.create("remote+http", "localhost", TestServer.managementPort());
        }

        @Override
        void collect() throws Exception {
            execute(Operations.createOperation("gc", MEMORY));
        }

        @Override
        long used() throws Exception {
            return heapUsage().get("used").asLong();
        }

        @Override
        long max() throws Exception {
            return heapUsage().get("max").asLong();
        }

        private ModelNode heapUsage() throws Exception {
            return execute(Operations.createReadAttributeOperation(MEMORY, "heap-memory-usage"));
        }

        private ModelNode execute(ModelNode operation) throws Exception {
            ModelNode outcome = client.execute(operation);
            if (!Operations.isSuccessfulOutcome(outcome)) {
                throw new IllegalStateException(
                        Operations.getFailureDescription(outcome).asString());
            }
            return Operations.readResult(outcome);
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }
}
