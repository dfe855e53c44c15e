package io.github.camelscenario.example.benchmark;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH part, kept short: 1 fork, 3 warm-up and 5 measurement iterations of 1 s per benchmark. */
final class JmhRun {

    private JmhRun() {
    }

    /** Runs {@link PageParseBenchmark} and {@link HitExchangeBenchmark}; returns a Markdown table. */
    static String run() throws Exception {
        Options options = new OptionsBuilder()
                .include(PageParseBenchmark.class.getName())
                .include(HitExchangeBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        StringBuilder s = new StringBuilder("| JMH benchmark | ns per hit | error (99.9%) |\n| --- | ---: | ---: |\n");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            s.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", name, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError()));
        }
        return s.toString();
    }
}
