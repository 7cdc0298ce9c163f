package io.hookline.it;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code GET /metrics} read as Prometheus reads its text format: one sample a line,
 * {@code name{label="value",...} number}, comments skipped. Samples are kept by name and sorted labels, so a test
 * asks for a series without caring in which order the labels were written.
 */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** Samples by {@code name{sorted labels}}. */
    private final Map<String, Double> samples = new TreeMap<>();

    final String body;

    PrometheusText(String body) {
        this.body = body;
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            samples.put(key(sample.group(1), labels(sample.group(2))), Double.parseDouble(sample.group(3)));
        }
    }

    /** The sample's value; 0 when the series is not there (yet): a counter that never moved. */
    double value(String name, String... labelPairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.getOrDefault(key(name, labels), 0.0);
    }

    /** The sum of every series of {@code name} whose labels include {@code label=value}. */
    double sum(String name, String label, String value) {
        String needle = label + "=\"" + value + "\"";
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{")
                        && labelList(e.getKey()).contains(needle))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** The series of {@code name} (their keys), for assertions and messages. */
    Map<String, Double> series(String name) {
        Map<String, Double> found = new TreeMap<>();
        samples.forEach((key, value) -> {
            if (key.equals(name) || key.startsWith(name + "{")) {
                found.put(key, value);
            }
        });
        return found;
    }

    private static java.util.List<String> labelList(String key) {
        String inner = key.substring(key.indexOf('{') + 1, key.length() - 1);
        return java.util.List.of(inner.split(","));
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text == null) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return labels;
    }

    private static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder key = new StringBuilder(name).append('{');
        labels.forEach(
                (label, value) -> key.append(label).append("=\"").append(value).append("\","));
        key.setLength(key.length() - 1);
        return key.append('}').toString();
    }
}
