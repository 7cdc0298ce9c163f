package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's no-op endpoint ({@code POST /hooks-noop/{id}}, webhooks-web/src/bench/java) ships only in the
 * {@code -Pbench} build, whose EAR is {@code hookline-bench.ear}; the EAR the build names {@code hookline.ear}
 * must not carry it. Reads the built EAR, no server needed.
 */
class BenchEndpointPackagingIT {

    static final String BENCH_CLASSES = "WEB-INF/classes/io/hookline/web/bench/";
    static final String BENCH_EAR = "hookline-bench.ear";

    @Test
    void theNoOpEndpointShipsOnlyInTheBenchBuild() throws IOException {
        Path ear = Path.of(System.getProperty("hookline.ear", "target/hookline.ear"));
        List<String> benchClasses = benchClassesIn(ear);
        if (ear.getFileName().toString().equals(BENCH_EAR)) {
            assertTrue(benchClasses.contains(BENCH_CLASSES + "NoopResource.class"), "bench EAR without NoopResource");
        } else {
            assertEquals(List.of(), benchClasses, ear + " ships the benchmark's no-op endpoint");
        }
    }

    @Test
    void theWarIsFoundAtAll() throws IOException {
        // Guards the test above: an EAR whose WAR is not found would pass it vacuously.
        Path ear = Path.of(System.getProperty("hookline.ear", "target/hookline.ear"));
        assertFalse(
                entriesOf(ear, "webhooks-web.war", "WEB-INF/classes/io/hookline/web/hooks/")
                        .isEmpty(),
                "no /hooks classes found in " + ear + "'s webhooks-web.war");
    }

    private static List<String> benchClassesIn(Path ear) throws IOException {
        return entriesOf(ear, "webhooks-web.war", BENCH_CLASSES);
    }

    /** Entries under {@code prefix} inside the module {@code war} of {@code ear}. */
    private static List<String> entriesOf(Path ear, String war, String prefix) throws IOException {
        try (InputStream in = Files.newInputStream(ear);
                ZipInputStream earZip = new ZipInputStream(in)) {
            for (ZipEntry module; (module = earZip.getNextEntry()) != null; ) {
                if (module.getName().equals(war)) {
                    List<String> found = new ArrayList<>();
                    ZipInputStream warZip = new ZipInputStream(earZip);
                    for (ZipEntry entry; (entry = warZip.getNextEntry()) != null; ) {
                        if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                            found.add(entry.getName());
                        }
                    }
                    return found;
                }
            }
        }
        throw new AssertionError(ear + " has no " + war);
    }
}
