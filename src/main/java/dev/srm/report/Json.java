package dev.srm.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;

import java.io.IOException;
import java.io.Writer;

/**
 * How every report writes JSON: one configured, immutable writer (two-space indent, {@code \n}
 * line ends on every platform, the target left open), and the shapes of results shared by the
 * reports ({@link EvaluationJson}, {@link ProblemJson}).
 */
public final class Json {
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build()
            .writer(prettyPrinter());

    private Json() {
    }

    /** The writer, for a caller that needs more than {@link #write} (it is immutable). */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** Writes a value (a record, a list, a map or a tree) and a final line break. */
    public static void write(Object value, Writer out) throws IOException {
        WRITER.writeValue(out, value);
        out.write("\n");
    }

    /**
     * A generator with the layout of {@link #write}, for reports that stream a document too
     * large to hold at once; {@link JsonGenerator#writeObject} writes records. Closing it does
     * not close {@code out}.
     */
    public static JsonGenerator generator(Writer out) throws IOException {
        return WRITER.createGenerator(out);
    }

    public static EvaluationJson evaluation(Evaluation e) {
        return EvaluationJson.of(e);
    }

    public static ProblemJson problem(InputProblem p) {
        return ProblemJson.of(p);
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indent).withArrayIndenter(indent);
    }
}
