package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The iterator's contract around a failing page, as a splitter walks it: take a hit, ask hasNext(), route the hit. */
class SearchHitIteratorTest {

    private static SearchRequest search() {
        return new SearchRequest().setQuery("dragon").setHitsPerPage(2);
    }

    @Test
    void aFailingPageIsAnnouncedByHasNextThrownByNextAndEndsTheIteration() {
        FakeIndex client = FakeIndex.pages(5, 2).failing(2, 1, 0);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        assertThat(it.next().getId()).isEqualTo("p1-0");
        assertThat(it.next().getId()).isEqualTo("p1-1");
        // page 2 fails while hasNext() looks ahead: it says true, so the hit just taken is still routed
        assertThat(it.hasNext()).isTrue();
        assertThat(it.hasNext()).isTrue();
        assertThatThrownBy(it::next).isInstanceOf(UncheckedIOException.class).hasMessageContaining("connection reset");
        assertThat(it.hasNext()).isFalse();
        assertThat(it.hasNext()).isFalse();
        // nothing after the failure, though page 2 would now answer
        assertThat(client.asked).containsExactly(1, 2);
    }

    @Test
    void anApiErrorIsThrownAsItIs() {
        FakeIndex client = FakeIndex.pages(5, 2).failing(1, 1, 400);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        assertThat(it.hasNext()).isTrue();
        assertThatThrownBy(it::next).isInstanceOf(ScenarioApiException.class);
        assertThat(it.hasNext()).isFalse();
        assertThat(client.asked).containsExactly(1);
    }

    @Test
    void fetchFirstThrowsWhatPageOneThrows() {
        FakeIndex client = FakeIndex.pages(5, 2).failing(1, 1, 0);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        assertThatThrownBy(it::fetchFirst).isInstanceOf(IOException.class).hasMessageContaining("connection reset");
    }

    @Test
    void afterCloseNothingIsAsked() throws IOException {
        FakeIndex client = FakeIndex.pages(5, 2);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        it.fetchFirst();
        it.close();
        assertThat(it.hasNext()).isFalse();
        assertThat(client.asked).containsExactly(1);
    }
}
