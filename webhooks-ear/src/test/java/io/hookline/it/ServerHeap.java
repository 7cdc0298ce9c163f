package io.hookline.it;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The test server's used heap after a full collection, read over Payara's system JMX connector (the
 * domain's {@code jmx-connector} on port {@value #JMX_PORT}, admin realm, the fresh domain's {@code admin}
 * with an empty password). JMX rather than {@code asadmin generate-jvm-report}: only JMX can ask for the
 * collection first, and without one "used heap" counts garbage, which would make any margin meaningless.
 */
final class ServerHeap implements AutoCloseable {

    static final int JMX_PORT = 8686;
    /** Collections per reading: the second and third collect what the first's finalization freed. */
    private static final int COLLECTIONS = 3;

    private final JMXConnector connector;
    private final MemoryMXBean memory;

    private ServerHeap(JMXConnector connector, MemoryMXBean memory) {
        this.connector = connector;
        this.memory = memory;
    }

    static ServerHeap connect() throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + JMX_PORT + "/jmxrmi");
        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnector.CREDENTIALS, new String[] {"admin", ""});
        JMXConnector connector = JMXConnectorFactory.connect(url, env);
        MBeanServerConnection server = connector.getMBeanServerConnection();
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        return new ServerHeap(connector, memory);
    }

    /** Bytes of heap in use after full collections. */
    long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < COLLECTIONS; i++) {
            memory.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The server's heap ceiling (-Xmx), for the failure message. */
    long max() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
