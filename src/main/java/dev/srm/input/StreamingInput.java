package dev.srm.input;

import java.nio.file.Path;

/**
 * A reader that can read a file as a stream of scenarios (an inventory of many accounts, or
 * more than fits in memory), judging its format from the first bytes of its content.
 */
public interface StreamingInput extends InputReader {
    /** Opens a file (gzipped or not) and reads its scenarios as the stream asks for them. */
    ScenarioStream open(Path file) throws InputException;
}
