package io.hookline.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The last lines of {@code mvn -Prun package} and {@code mvn -Prun-wildfly package}, the same on both servers:
 * where Hookline answers, which EAR it runs (its SHA-256, so the two servers can be seen to run the very same
 * file), where the server writes its log, the one command that stops the server again and how long it all took.
 */
final class RunReport {

    private RunReport() {}

    static void print(String server, String url, Path ear, String database, String stopCommand, Path log)
            throws IOException {
        print(server, List.of(url), ear, database, List.of(stopCommand), List.of(log));
    }

    /** The same for several servers that run one Hookline together (mvn -Prun-cluster): every address and stop. */
    static void print(
            String server, List<String> urls, Path ear, String database, List<String> stopCommands, List<Path> logs)
            throws IOException {
        String line = "-".repeat(72);
        System.out.println(line);
        System.out.println("Hookline runs on " + server + " at " + String.join(" and ", urls));
        System.out.println("  EAR      " + ear + "  SHA-256 " + sha256(ear));
        System.out.println("  database " + database);
        logs.forEach(log -> System.out.println("  log      " + log));
        System.out.println(stopCommands.size() == 1 ? "  stop it: " + stopCommands.get(0) : "  stop them:");
        if (stopCommands.size() > 1) {
            stopCommands.forEach(stop -> System.out.println("    " + stop));
        }
        System.out.println("  ready " + RunProgress.elapsedSeconds() + " s after mvn started");
        System.out.println(line);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("every JDK has SHA-256", required);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
