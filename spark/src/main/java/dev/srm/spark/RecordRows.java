package dev.srm.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * srm's result records ({@code dev.srm.model}) as Spark rows and back, derived from the records
 * themselves: a component is a column of the same name, a nested record a struct, a list or set
 * an array, a map with string keys a map, an enum its name. A field the core adds to its results
 * (a layer's duties, say) becomes a column without a change here, and the round trip
 * {@code record -> row -> record} gives an equal record, which is how the driver rebuilds
 * evaluations for the core's roll-ups.
 */
final class RecordRows {
    private static final Map<Class<?>, StructType> SCHEMAS = new ConcurrentHashMap<>();

    /** A record class's components, read once: Class.getRecordComponents() is slow (it parses signatures on every call). */
    private record Shape(String[] names, Method[] accessors, Type[] types, Class<?>[] raw, Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] c = type.getRecordComponents();
            String[] names = new String[c.length];
            Method[] accessors = new Method[c.length];
            Type[] types = new Type[c.length];
            Class<?>[] raw = new Class<?>[c.length];
            for (int i = 0; i < c.length; i++) {
                names[i] = c[i].getName();
                accessors[i] = c[i].getAccessor();
                types[i] = c[i].getGenericType();
                raw[i] = c[i].getType();
            }
            try {
                return new Shape(names, accessors, types, raw, type.getDeclaredConstructor(raw));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + type, e);
            }
        }
    };

    private RecordRows() {
    }

    /** The struct a record class maps to. */
    static StructType schema(Class<?> record) {
        StructType known = SCHEMAS.get(record);
        if (known == null) { // built outside the map: a record's schema needs its nested records' first
            known = build(record);
            SCHEMAS.putIfAbsent(record, known);
        }
        return known;
    }

    private static StructType build(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record");
        }
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            fields.add(DataTypes.createStructField(c.getName(), type(c.getGenericType()), !c.getType().isPrimitive()));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(Type t) {
        Class<?> raw = raw(t);
        if (raw == String.class || raw.isEnum()) {
            return DataTypes.StringType;
        }
        if (raw == int.class || raw == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (raw == long.class || raw == Long.class) {
            return DataTypes.LongType;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return DataTypes.BooleanType;
        }
        if (raw == double.class || raw == Double.class) {
            return DataTypes.DoubleType;
        }
        if (raw.isRecord()) {
            return schema(raw);
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            return DataTypes.createArrayType(type(argument(t, 0)), true);
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (raw(argument(t, 0)) != String.class) {
                throw new IllegalArgumentException("map keys must be strings: " + t);
            }
            return DataTypes.createMapType(DataTypes.StringType, type(argument(t, 1)), true);
        }
        if (parser(raw) != null) {
            return DataTypes.StringType; // a value type with a text form (a date): its toString
        }
        throw new IllegalArgumentException("no column type for " + t);
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("no column type for " + t);
    }

    private static Type argument(Type t, int i) {
        if (t instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new IllegalArgumentException("a raw collection has no column type: " + t);
    }

    private static Method parser(Class<?> raw) {
        for (String name : List.of("parse", "valueOf")) {
            try {
                Method m = raw.getMethod(name, CharSequence.class);
                if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // next
            }
            try {
                Method m = raw.getMethod(name, String.class);
                if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // next
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ record -> row

    /** A record as a row of {@link #schema}. */
    static Row row(Object record) {
        if (record == null) {
            return null;
        }
        Shape shape = SHAPES.get(record.getClass());
        Object[] values = new Object[shape.accessors().length];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = value(shape.accessors()[i].invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + shape.names()[i] + " of " + record.getClass(), e);
            }
        }
        return RowFactory.create(values);
    }

    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v.getClass().isRecord()) {
            return row(v);
        }
        if (v instanceof Collection<?> c) {
            Object[] out = new Object[c.size()];
            int i = 0;
            for (Object o : c) {
                out[i++] = value(o);
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, value(x)));
            return scala.jdk.javaapi.CollectionConverters.asScala(out);
        }
        return v.toString();
    }

    // ------------------------------------------------------------------ row -> record

    /** The record a row of {@link #schema} holds. */
    static <R> R record(Row row, Class<R> type) {
        return type.cast(read(row, type));
    }

    private static Object read(Row row, Class<?> type) {
        if (row == null) {
            return null;
        }
        Shape shape = SHAPES.get(type);
        Object[] args = new Object[shape.names().length];
        boolean named = row.schema() != null; // rows made here have no schema: their fields are in component order
        for (int i = 0; i < args.length; i++) {
            int at = named ? row.fieldIndex(shape.names()[i]) : i;
            args[i] = row.isNullAt(at) ? (shape.raw()[i].isPrimitive() ? zero(shape.raw()[i]) : null) : convert(row.get(at), shape.types()[i]);
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName() + " from " + row, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object v, Type t) {
        if (v == null) {
            return null;
        }
        Class<?> raw = raw(t);
        if (raw.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) raw, (String) v);
        }
        if (raw.isRecord()) {
            return read((Row) v, raw);
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
            Type element = argument(t, 0);
            Iterable<Object> items = v instanceof Object[] array ? Arrays.asList(array) // a row made here
                    : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Iterable<Object>) v);
            for (Object o : items) {
                out.add(convert(o, element));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> out = new LinkedHashMap<>();
            Type value = argument(t, 1);
            scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Map<Object, Object>) v)
                    .forEach((k, x) -> out.put((String) k, convert(x, value)));
            return out;
        }
        if (raw == String.class || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        Method p = parser(raw);
        try {
            return p.invoke(null, v.toString());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read a " + raw.getName() + " from '" + v + "'", e);
        }
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        return 0;
    }
}
