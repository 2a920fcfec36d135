package dev.srm.input;

import dev.srm.model.InputFormat;
import dev.srm.model.Scenario;

import java.util.List;

/**
 * Reads one input format into scenarios, each resource with the place it came from. One
 * implementation per format, each in its own subpackage; {@link Inputs} picks one by content.
 */
public interface InputReader {
    InputFormat format();

    /** Whether the content is of this format, judged by its content (never by the file name alone). */
    boolean claims(String name, byte[] bytes);

    /**
     * The scenarios the content holds: one for a scenario file or a template, one per account for
     * an inventory. The content is data held in memory (a request's body, standard input): no
     * reader opens a file it names.
     */
    List<Scenario> read(String name, byte[] bytes) throws InputException;

    /**
     * As {@link #read}, each scenario with what the reader said about it (a type it has no mapping
     * for, values unknown until apply): the same warnings a file read as a stream gives.
     */
    default List<ReadScenario> readWithWarnings(String name, byte[] bytes) throws InputException {
        return read(name, bytes).stream().map(ReadScenario::of).toList();
    }

    /**
     * As {@link #read}, for the content of a file the user named: a reader may also read files it
     * names in that file's directory or below it (a template's nested stacks), never elsewhere.
     */
    default List<Scenario> readFile(java.nio.file.Path file, byte[] bytes) throws InputException {
        return read(file.toString(), bytes);
    }
}
