package io.github.camelscenario.example;

import org.apache.camel.builder.RouteBuilder;

/**
 * The similar-images inbox fills itself: a consumer with {@code content=file} takes the newest pictures matching the
 * classic query, as files (streamed, signed links refreshed if they expired), and writes them where the
 * similar-images route watches.
 */
public class PicturesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("scenario:search?query={{example.classic.query}}&maxResults={{example.pictures}}&content=file"
             + "&repeatCount=1&initialDelay=0")
                .routeId("pictures")
                // written aside, then renamed: the inbox's reader never sees half a picture
                .to("file:{{example.work-dir}}/inbox?tempPrefix=.");
    }
}
