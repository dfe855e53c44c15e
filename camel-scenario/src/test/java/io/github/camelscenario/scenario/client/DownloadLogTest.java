package io.github.camelscenario.scenario.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelscenario.scenario.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed URL's query string (its signature) is in no log line of ours, at TRACE, nor in any exception message or
 * stack trace, whatever fails; and API credentials are in no line at all. HttpClient's own DEBUG loggers print request
 * lines and headers as they are: which of them show the signature is pinned here, and named in docs/component.md.
 */
class DownloadLogTest {

    /** slf4j-simple's line: [thread] LEVEL logger - message. */
    private static final Pattern LINE = Pattern.compile("\\[.*?\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)");
    /** HttpClient's loggers that print request lines, headers or bytes as they are, at DEBUG. */
    private static final Set<String> RAW_AT_DEBUG = Set.of("org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.impl.classic.MainClientExec");

    private static List<String> run(String ours, String others) throws Exception {
        ChildJvm.Run run = ChildJvm.run(Duration.ofSeconds(60), List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + others,
                "-Dorg.slf4j.simpleLogger.log.io.github.camelscenario=" + ours,
                "-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=warn",
                "-Dorg.slf4j.simpleLogger.log.org.wiremock=warn",
                "-Dorg.slf4j.simpleLogger.log.com.github.tomakehurst=warn"), DownloadLogRun.class);
        String text = run.output();
        assertThat(run.exited()).as(text).isTrue();
        assertThat(text).as("the run finished").contains("download log run done");
        return text.lines().toList();
    }

    @Test
    @Timeout(120)
    void noLineOfOursAtTraceAndNoExceptionShowsTheSignature() throws Exception {
        List<String> log = run("trace", "info");
        assertThat(log).as("every path ran and logged")
                .anyMatch(l -> l.contains("asking for a fresh link"))
                .anyMatch(l -> l.contains("retrying in"))
                .anyMatch(l -> l.contains("redirected from"))
                .anyMatch(l -> l.contains("asset asset_again failed: HTTP 403"))
                .anyMatch(l -> l.contains("asset asset_cut failed: I/O error"))
                .anyMatch(l -> l.contains("asset asset_slow failed: I/O error"))
                .anyMatch(l -> l.contains("more than 5 redirects"));
        assertThat(log).as("lines showing the signature").noneMatch(l -> l.contains(FileHostStubs.SIGNATURE))
                .as("lines showing the API secret").noneMatch(l -> l.contains(FileHostStubs.API_SECRET))
                .noneMatch(l -> l.contains(FileHostStubs.BASIC.substring(6)));
    }

    @Test
    @Timeout(120)
    void atDebugOnlyHttpClientsRawLoggersShowTheSignatureAndNeverTheCredentialsOnAFileRequest() throws Exception {
        List<String> log = run("trace", "debug");
        Set<String> showing = new TreeSet<>();
        for (String line : log) {
            if (line.contains(FileHostStubs.SIGNATURE)) {
                Matcher m = LINE.matcher(line);
                showing.add(m.matches() ? m.group(2) : "(not a log line) " + line);
            }
        }
        assertThat(showing).as("loggers printing the signed URL at DEBUG").isSubsetOf(RAW_AT_DEBUG)
                .contains("org.apache.hc.client5.http.headers");
        // the request headers of file requests: no Authorization among them
        assertThat(log).filteredOn(l -> l.contains("org.apache.hc.client5.http.headers") && l.contains(">> Authorization"))
                .allSatisfy(l -> assertThat(l).doesNotContain("/f/"));
    }
}
