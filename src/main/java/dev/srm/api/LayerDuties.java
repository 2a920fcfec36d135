package dev.srm.api;

import dev.srm.model.LayerResult;
import dev.srm.model.matrix.Duty;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The duties inside a layer result, read through the record's accessors when the engine gives
 * them ({@code LayerResult.duties()}, a list of records with {@code duty} or {@code id},
 * {@code party}, {@code rule}, {@code reason} and {@code source}), and none before it does. This
 * one class is what changes when the duties land: replace the look-up with a plain call.
 */
final class LayerDuties {
    private static final Method DUTIES = accessor(LayerResult.class, "duties");

    private LayerDuties() {
    }

    /** Whether this build's layer results carry duties at all. */
    static boolean available() {
        return DUTIES != null;
    }

    static List<Duty> of(LayerResult layer) {
        return read(layer, DUTIES);
    }

    /** The duties of any record with a {@code duties} component (the tests give their own). */
    static List<Duty> ofRecord(Object layer) {
        return layer == null ? List.of() : read(layer, accessor(layer.getClass(), "duties"));
    }

    private static List<Duty> read(Object layer, Method accessor) {
        if (layer == null || accessor == null) {
            return List.of();
        }
        Object value = invoke(accessor, layer);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Duty> out = new ArrayList<>(list.size());
        for (Object d : list) {
            if (d == null || !d.getClass().isRecord()) {
                continue;
            }
            String id = text(d, "duty");
            id = id != null ? id : text(d, "id");
            String party = text(d, "party");
            if (id != null && party != null) {
                out.add(new Duty(id, party, text(d, "rule"), text(d, "reason"), text(d, "source")));
            }
        }
        return out;
    }

    private static String text(Object record, String component) {
        Method m = accessor(record.getClass(), component);
        Object v = m == null ? null : invoke(m, record);
        if (v == null) {
            return null;
        }
        return v instanceof Enum<?> e ? e.name() : v.toString();
    }

    private static Method accessor(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                Method m = c.getAccessor();
                m.setAccessible(true);
                return m;
            }
        }
        return null;
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
