package io.hookline.web.console.channel;

import java.util.Arrays;

/**
 * Renders per second of the spec's build-break message through {@link MarkdownRenderer#shared()}, and
 * the ratio to rendering a one-line message, both measured in the same run. Run by
 * {@code bench/render-bench.sh}; arguments: iterations per round (default 20,000), rounds (default 5).
 *
 * <p>Each round times {@code iterations} renders of one message, then of the other; the figures are the
 * median round of each. Warm-up: the same number of renders of both before timing.
 */
public final class RenderBench {

    /** The build-break example of the incoming webhooks spec, as a hook would post it. */
    static final String BUILD_BREAK = """

            ---
            ##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0
            | Component  | Tests Run   | Tests Failed                                   |
            |:-----------|:------------|:-----------------------------------------------|
            | Server     | 948         | :white_check_mark: 0                           |
            | Web Client | 123         | :warning: [2 (see details)](http://linktologs) |
            | iOS Client | 78          | :warning: [3 (see details)](http://linktologs) |
            ---
            """;

    /** The spec's one-line example. */
    static final String ONE_LINE = "Hello, this is some text.";

    private static long sink;

    private RenderBench() {}

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MarkdownRenderer renderer = MarkdownRenderer.shared();

        String html = renderer.toHtml(BUILD_BREAK);
        if (!html.contains("<h5>") || !html.contains("\u2705")) {
            throw new IllegalStateException("unexpected rendering:\n" + html);
        }

        run(renderer, BUILD_BREAK, iterations);
        run(renderer, ONE_LINE, iterations);

        double[] buildBreak = new double[rounds];
        double[] oneLine = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            buildBreak[r] = run(renderer, BUILD_BREAK, iterations);
            oneLine[r] = run(renderer, ONE_LINE, iterations);
        }
        double bb = median(buildBreak);
        double ol = median(oneLine);

        System.out.printf(
                "java %s, %s %s, %d processors%n",
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "%d rounds of %d renders each, after %d warm-up renders of each message%n",
                rounds, iterations, iterations);
        System.out.printf(
                "build-break message (%d chars): %,.0f renders/s (%.1f us/render)%n",
                BUILD_BREAK.length(), bb, 1e6 / bb);
        System.out.printf(
                "one-line message    (%d chars):  %,.0f renders/s (%.1f us/render)%n", ONE_LINE.length(), ol, 1e6 / ol);
        System.out.printf("build-break costs %.1fx a one-line message%n", ol / bb);
        if (sink == 42) {
            System.out.println();
        }
    }

    /** Renders per second for {@code iterations} renders of one message. */
    private static double run(MarkdownRenderer renderer, String markdown, int iterations) {
        long start = System.nanoTime();
        long length = 0;
        for (int i = 0; i < iterations; i++) {
            length += renderer.toHtml(markdown).length();
        }
        long elapsed = System.nanoTime() - start;
        sink += length;
        return iterations * 1e9 / elapsed;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
