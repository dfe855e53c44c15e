package io.github.camelscenario.example;

import org.apache.camel.builder.RouteBuilder;

/** Similar images: every picture dropped into the inbox is searched for with itself as the reference image. */
public class SimilarImagesRoute extends RouteBuilder {

    @Override
    public void configure() {
        // pictures arrive by rename (PicturesRoute writes them aside first), so no read lock is needed
        from("file:{{example.work-dir}}/inbox?initialDelay=0&delay=200&move=.done")
                .routeId("similar")
                .setHeader("picture", header("CamelFileName"))
                // the file body goes in as it is: the component turns a picture into an image data URL
                .to("scenario:search?hitsPerPage={{example.similar.hits}}")
                .bean("summary", "similarFound");
    }
}
