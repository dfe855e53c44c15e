package io.github.camelscenario.example.projects;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelscenario.example.server.LocalScenarioServer;

/**
 * Builds one of the projects under src/it with Maven, as their user would: a fresh copy under target/it, the
 * component taken from the local repository that the invoker plugin's install goal filled (target/it-repo), never
 * from the reactor. The failsafe configuration of the example's pom passes the paths in.
 */
final class ProjectBuild {

    private final String name;
    private final Map<String, String> environment;

    private ProjectBuild(String name, Map<String, String> environment) {
        this.name = name;
        this.environment = environment;
    }

    /** A build whose project finds the local server, its key and its secret in the environment, as README says. */
    static ProjectBuild againstServer(String name, LocalScenarioServer server) {
        return new ProjectBuild(name, Map.of(
                "SCENARIO_BASE_URL", server.getBaseUrl(),
                "SCENARIO_API_KEY", server.getApiKey(),
                "SCENARIO_API_SECRET", server.getApiSecret()));
    }

    static Path source(String name) {
        return Path.of(required("it.projects")).resolve(name);
    }

    static String componentVersion() {
        return required("it.componentVersion");
    }

    /** Runs mvn with these arguments in a fresh copy of the project; the whole output comes back. */
    Result run(Duration limit, String... arguments) throws Exception {
        Path dir = Path.of(required("it.work")).resolve(name);
        copy(source(name), dir);
        Path log = dir.resolve("build.log");
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B",
                "-s", Path.of(required("it.projects")).resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + required("it.localRepository"),
                "-Douter.repository=" + required("it.outerRepository")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("mvn " + String.join(" ", arguments) + " in " + dir + " took over " + limit
                                     + "; its output so far:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }

    private static String mavenExecutable() {
        String home = System.getProperty("it.mavenHome");
        boolean windows = File.separatorChar == '\\';
        if (home != null && !home.isBlank()) {
            return Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString();
        }
        return windows ? "mvn.cmd" : "mvn";
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run this test through the "
                                            + "example module's failsafe configuration (mvn verify)");
        }
        return value;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
