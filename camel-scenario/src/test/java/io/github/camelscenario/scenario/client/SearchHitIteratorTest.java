package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The iterator's contract around a failing page, as a splitter walks it: take a hit, ask hasNext(), route the hit. */
class SearchHitIteratorTest {

    private static SearchRequest search() {
        return new SearchRequest().setQuery("dragon").setHitsPerPage(2);
    }

    @Test
    void aFailingPageIsAnnouncedByHasNextThrownByNextAndAskedAgainOnlyIfWalkedAgain() {
        FakeIndex client = FakeIndex.pages(5, 2).failing(2, 1, 0);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        assertThat(it.next().getId()).isEqualTo("p1-0");
        assertThat(it.next().getId()).isEqualTo("p1-1");
        // page 2 fails while hasNext() looks ahead: it says true, so the hit just taken is still routed
        assertThat(it.hasNext()).isTrue();
        assertThat(it.hasNext()).isTrue();
        assertThatThrownBy(it::next).isInstanceOf(UncheckedIOException.class).hasMessageContaining("connection reset");
        // the splitter walks what is left to release it: nothing is fetched, then it closes it
        assertThat(it.hasNext()).isFalse();
        it.close();
        assertThat(client.asked).containsExactly(1, 2);
        // a redelivery walks the same iterator again: it goes on with page 2, nothing handed out twice or skipped
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(a -> rest.add(a.getId()));
        assertThat(rest).containsExactlyElementsOf(FakeIndex.idsOf(5, 2).subList(2, 10));
    }

    @Test
    void aPageThatKeepsFailingFailsEveryWalk() {
        FakeIndex client = FakeIndex.pages(5, 2).failing(1, 3, 400);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        for (int walk = 0; walk < 3; walk++) {
            assertThat(it.hasNext()).isTrue();
            assertThatThrownBy(it::next).isInstanceOf(ScenarioApiException.class);
            it.close();
        }
        assertThat(client.asked).containsExactly(1, 1, 1);
    }

    @Test
    void fetchFirstThrowsWhatPageOneThrows() {
        FakeIndex client = FakeIndex.pages(5, 2).failing(1, 1, 0);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        assertThatThrownBy(it::fetchFirst).isInstanceOf(IOException.class).hasMessageContaining("connection reset");
    }

    @Test
    void closedBeforeItsEndItNeverPretendsToBeUsedUpAndAsksNothing() throws IOException {
        FakeIndex client = FakeIndex.pages(5, 2);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        it.fetchFirst();
        it.close();
        // a splitter walking it again must not complete as if the export were whole
        assertThat(it.hasNext()).isTrue();
        assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed after 1 hit(s), before its end");
        assertThat(client.asked).containsExactly(1);
    }

    @Test
    void closedAtItsEndItIsUsedUp() {
        FakeIndex client = FakeIndex.pages(2, 2);
        SearchHitIterator it = new SearchHitIterator(client, search(), 0);
        it.forEachRemaining(a -> {
        });
        it.close();
        assertThat(it.hasNext()).isFalse();
    }
}
