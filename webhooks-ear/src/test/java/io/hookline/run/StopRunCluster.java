package io.hookline.run;

/**
 * The end of {@code mvn verify -Pcluster} (post-integration-test, which runs even when tests failed: failsafe
 * fails the build only in its later verify goal): stops both nodes {@link StartRunCluster} started, whichever
 * of them still runs. Arguments ({@code name=value}): home (…/payara6), portOffset.
 */
public final class StopRunCluster {

    private StopRunCluster() {}

    public static void main(String[] args) throws Exception {
        RunArgs arguments = RunArgs.parse(args);
        PayaraCluster cluster = new PayaraCluster(arguments.path("home"), arguments.integer("portOffset"));
        System.out.println("Stopping " + cluster.running().size() + " running cluster node(s)");
        cluster.stopRunning();
    }
}
