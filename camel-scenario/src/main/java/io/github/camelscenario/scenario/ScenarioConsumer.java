package io.github.camelscenario.scenario;

import java.util.Queue;

import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/** Polls a search, pages through every result and emits one exchange per hit. */
public class ScenarioConsumer extends ScheduledBatchPollingConsumer {

    public ScenarioConsumer(ScenarioEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected int poll() throws Exception {
        throw new UnsupportedOperationException("The scenario consumer is not implemented yet");
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        return 0;
    }
}
