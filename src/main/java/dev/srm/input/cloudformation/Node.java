package dev.srm.input.cloudformation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a template, with the place it starts in the file. Parsing gives maps, lists and
 * scalars (a YAML short form such as {@code !Ref X} is already the map {@code {Ref: X}});
 * resolving intrinsic functions may also give {@link Unknown} (a value only a deployment
 * decides) and {@link Absent} ({@code AWS::NoValue}).
 */
sealed interface Node permits Node.Obj, Node.Seq, Node.Scalar, Node.Unknown, Node.Absent {
    /** Line and column (1-based) where a value starts; {@link #NONE} when it was made by srm. */
    record Pos(int line, int column) {
        static final Pos NONE = new Pos(0, 0);

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    Pos pos();

    /** A mapping, in the template's order; {@code keys} holds where each key is written. */
    record Obj(Map<String, Node> entries, Map<String, Pos> keys, Pos pos) implements Node {
        public Obj {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
            Objects.requireNonNull(pos, "pos");
        }

        static Obj of(Map<String, Node> entries, Pos pos) {
            return new Obj(entries, Map.of(), pos);
        }

        Node get(String key) {
            return entries.get(key);
        }

        Pos keyPos(String key) {
            Pos p = keys.get(key);
            return p == null ? pos : p;
        }

        /** The single key of an intrinsic function call ({@code Ref}, {@code Fn::Sub}, ...), or null. */
        String function() {
            if (entries.size() != 1) {
                return null;
            }
            String k = entries.keySet().iterator().next();
            return k.equals("Ref") || k.startsWith("Fn::") ? k : null;
        }
    }

    record Seq(List<Node> items, Pos pos) implements Node {
        public Seq {
            items = List.copyOf(items);
            Objects.requireNonNull(pos, "pos");
        }
    }

    /** A scalar as text: numbers as written, booleans as {@code true}/{@code false}, null as null. */
    record Scalar(String text, Pos pos) implements Node {
        public Scalar {
            Objects.requireNonNull(pos, "pos");
        }

        static Scalar of(String text) {
            return new Scalar(text, Pos.NONE);
        }
    }

    /**
     * A value only a deployment decides; {@code reason} names the intrinsic function behind it.
     * {@code mayBeAbsent}: whether the property may not be there at all ({@code Fn::If} with an
     * {@code AWS::NoValue} branch on a condition srm cannot decide). {@code oneOf}: the values it
     * can take when srm knows them all ({@code Fn::If} between plain values, nested ones
     * included); empty otherwise.
     */
    record Unknown(String reason, Pos pos, boolean mayBeAbsent, List<String> oneOf) implements Node {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            oneOf = List.copyOf(oneOf);
        }

        Unknown(String reason, Pos pos, boolean mayBeAbsent) {
            this(reason, pos, mayBeAbsent, List.of());
        }

        Unknown(String reason, Pos pos) {
            this(reason, pos, false);
        }
    }

    /** {@code AWS::NoValue}: the property or list element is removed. */
    record Absent(Pos pos) implements Node {
    }
}
