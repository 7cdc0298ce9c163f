package io.hookline.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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

    /** Runs a command to completion with its output on the console (long steps a user wants to follow). */
    static void show(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        System.out.println("$ " + command.stream().map(RunCommands::quoted).collect(Collectors.joining(" ")));
        String output = capture(command, env);
        System.out.print(output.endsWith("\n") || output.isEmpty() ? output : output + "\n");
    }
}
