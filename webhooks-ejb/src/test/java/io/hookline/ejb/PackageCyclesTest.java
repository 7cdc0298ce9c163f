package io.hookline.ejb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two packages of this module's main sources depend on each other, directly or through others: a package
 * can be read, tested and moved without the rest of its cycle. A dependency is an import or a fully qualified
 * name (Javadoc links included) of a class in another package.
 */
class PackageCyclesTest {

    /** Maven runs the tests with the module as the working directory. */
    private static final Path SOURCES = Path.of("src/main/java");
    /** The module has more than ten packages; fewer means the scan read the wrong folder. */
    private static final int MIN_PACKAGES = 10;

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.hookline(?:\\.[a-z_]\\w*)+)\\.[A-Z]");

    @Test
    void noPackageCycle() {
        Map<String, Set<String>> dependencies = dependencies();
        assertTrue(dependencies.size() >= MIN_PACKAGES, "packages found: " + dependencies.keySet());
        assertEquals(List.of(), cycles(dependencies), "package cycles (each from a package back to itself)");
    }

    private static Map<String, Set<String>> dependencies() {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher pkg = PACKAGE.matcher(text);
                if (pkg.find()) {
                    sources.merge(pkg.group(1), text.substring(pkg.end()), String::concat);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> dependencies = new TreeMap<>();
        sources.forEach((pkg, text) -> {
            Set<String> used = new TreeSet<>();
            Matcher reference = REFERENCE.matcher(text);
            while (reference.find()) {
                // A static import names a nested class or member: the longest prefix that is a package.
                String name = reference.group(1);
                while (!sources.containsKey(name) && name.lastIndexOf('.') > 0) {
                    name = name.substring(0, name.lastIndexOf('.'));
                }
                if (sources.containsKey(name) && !name.equals(pkg)) {
                    used.add(name);
                }
            }
            dependencies.put(pkg, used);
        });
        return dependencies;
    }

    /** One cycle per package that reaches itself again, as the path found by a depth-first walk. */
    private static List<String> cycles(Map<String, Set<String>> dependencies) {
        List<String> cycles = new ArrayList<>();
        for (String start : dependencies.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            Set<String> seen = new HashSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : dependencies.get(path.get(path.size() - 1))) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    if (next.equals(start)) {
                        cycles.add(String.join(" -> ", longer));
                        paths.clear();
                        break;
                    }
                    if (seen.add(next)) {
                        paths.push(longer);
                    }
                }
            }
        }
        return cycles;
    }
}
