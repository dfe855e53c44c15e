package io.github.camelscenario.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A main class run in a JVM of its own, with this JVM's classpath: for what one JVM cannot show (a small heap, a log
 * configuration of its own). The output goes to a file, so a chatty child never blocks on a full pipe, and a child still
 * running at the timeout is killed: a test waits for it no longer than it says.
 */
public final class ChildJvm {

    /** How a run ended and everything it printed (stdout and stderr). */
    public record Run(boolean exited, int exitCode, String output) {

        public List<String> lines() {
            return output.lines().toList();
        }

        /** Exited by itself, with status 0 and no OutOfMemoryError; returns the output for further checks. */
        public String assertSucceeded() {
            assertThat(exited).as("the child JVM exited before the timeout:%n%s", output).isTrue();
            assertThat(output).doesNotContain("OutOfMemoryError");
            assertThat(exitCode).as(output).isZero();
            return output;
        }
    }

    private ChildJvm() {
    }

    public static Run run(Duration timeout, List<String> jvmOptions, Class<?> main, String... args) throws Exception {
        return run(timeout, Map.of(), jvmOptions, main, args);
    }

    public static Run run(Duration timeout, Map<String, String> env, List<String> jvmOptions, Class<?> main,
            String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("child-jvm-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                if (process.isAlive()) { // timed out, or a test's own timeout interrupted the wait
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            String output = Files.readString(log);
            return new Run(exited, exited ? process.exitValue() : -1, output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
