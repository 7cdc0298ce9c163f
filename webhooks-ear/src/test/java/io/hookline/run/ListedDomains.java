package io.hookline.run;

/** What {@code asadmin list-domains} says of a domain: the one reading of its output for the run profiles. */
final class ListedDomains {

    private ListedDomains() {}

    /**
     * Whether {@code listed} (the command's output) shows {@code domain} running: "domain1 running", or "domain1
     * running, restart required to apply configuration changes" after a change such as setup.sh's (an exact match
     * took the second for stopped).
     */
    static boolean running(String listed, String domain) {
        String running = domain + " running";
        return listed.lines()
                .map(String::trim)
                .anyMatch(line -> line.equals(running) || line.startsWith(running + ","));
    }
}
