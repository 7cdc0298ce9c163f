package io.hookline.run;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** The server's own command-line tools (asadmin, jboss-cli, the setup scripts), run from the start classes. */
final class RunCommands {

    private RunCommands() {}

    /** Runs a command to completion and returns what it printed; a non-zero exit fails with that output. */
    static String capture(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + status + "):\n" + output);
        }
        return output;
    }

    /** An argument as a shell would need it, so a printed command can be pasted. */
    static String quoted(String argument) {
        return argument.matches("[A-Za-z0-9_./:=,@%+-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }

    /**
     * Runs a command to completion with its output on the console as it comes (indented under the command), a
     * line every {@link RunProgress#HEARTBEAT} while it is silent and its duration at the end: the long steps a
     * user wants to follow (a domain start, a setup script). A non-zero exit fails with the output.
     */
    static void show(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        String shown = command.stream().map(RunCommands::quoted).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        AtomicLong lastOutput = new AtomicLong();
        RunProgress.say("$ " + shown);
        RunProgress.Step step = RunProgress.track(shortName(command), lastOutput::get);
        StringBuilder output = new StringBuilder();
        try {
            Process process = builder.start();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lastOutput.set(System.currentTimeMillis());
                    output.append(line).append('\n');
                    System.out.println("    " + line);
                }
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + status + "):\n" + output);
            }
            step.done();
        } finally {
            step.abandon(); // after done(), a no-op
        }
    }

    /** A command as its progress lines name it: {@code setup.sh}, {@code asadmin start-domain}, {@code jboss-cli.sh}. */
    static String shortName(List<String> command) {
        List<String> words = command.get(0).equals("bash") ? command.subList(1, command.size()) : command;
        String name = Path.of(words.get(0)).getFileName().toString();
        return words.stream()
                .skip(1)
                .filter(word -> word.matches("[a-z][a-z-]*"))
                .findFirst()
                .map(subcommand -> name + " " + subcommand)
                .orElse(name);
    }
}
