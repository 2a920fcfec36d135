package dev.srm.input;

import java.util.Iterator;
import java.util.List;

/**
 * The scenarios of one input, handed out one at a time so that an inventory larger than the
 * heap is read with bounded memory. Not thread-safe; close it to release what it holds
 * (temporary files, an open file).
 */
public interface ScenarioStream extends AutoCloseable {
    /** The next scenario, or null when there are no more; a problem in the input stops the stream. */
    ReadScenario next() throws InputException;

    @Override
    void close();

    /** A stream over scenarios already read. */
    static ScenarioStream of(List<ReadScenario> scenarios) {
        Iterator<ReadScenario> it = scenarios.iterator();
        return new ScenarioStream() {
            @Override
            public ReadScenario next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }
}
