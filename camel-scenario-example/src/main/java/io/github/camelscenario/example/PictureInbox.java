package io.github.camelscenario.example;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Drops pictures into the similar-images inbox, the way a user would save a file into a watched folder. */
final class PictureInbox {

    private final Path inbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    PictureInbox(Path inbox) {
        this.inbox = inbox;
    }

    /** Downloads {@code url} into the inbox as {@code name}; written aside, then renamed, so it is never read half. */
    void drop(String url, String name) throws IOException, InterruptedException {
        Files.createDirectories(inbox);
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("Cannot download " + url + ": HTTP " + response.statusCode());
        }
        Path hidden = inbox.resolve("." + name + ".part");
        Files.write(hidden, response.body());
        Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
