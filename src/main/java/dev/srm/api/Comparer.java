package dev.srm.api;

import dev.srm.model.Layers;
import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.Comparison;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Duty;
import dev.srm.model.matrix.Move;
import dev.srm.model.matrix.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what moves between two rows: layer by layer, and duty by duty where the engine gives duties. */
final class Comparer {
    private Comparer() {
    }

    static Comparison compare(Row from, Row to, List<String> warnings) {
        List<Move> moves = new ArrayList<>();
        List<Cell> unchanged = new ArrayList<>();
        Set<String> layers = new LinkedHashSet<>(Layers.ALL);
        from.cells().forEach(c -> layers.add(c.layer()));
        to.cells().forEach(c -> layers.add(c.layer()));
        for (String layer : layers) {
            Cell a = from.cell(layer);
            Cell b = to.cell(layer);
            if (a == null && b == null) {
                continue;
            }
            String pa = a == null ? "NONE" : a.party().name();
            String pb = b == null ? "NONE" : b.party().name();
            if (pa.equals(pb)) {
                unchanged.add(b);
            } else {
                moves.add(new Move(layer, null, pa, pb, Move.Direction.of(pa, pb), b == null ? null : b.reason(),
                        b == null ? null : b.rule(), b == null ? null : b.source()));
            }
            moves.addAll(dutyMoves(layer, a, b));
        }
        Map<String, ControlRef> before = byId(from.controls());
        Map<String, ControlRef> after = byId(to.controls());
        List<ControlRef> added = after.values().stream().filter(c -> !before.containsKey(c.id())).toList();
        List<ControlRef> gone = before.values().stream().filter(c -> !after.containsKey(c.id())).toList();
        List<String> gained = to.integrations().stream().filter(i -> !from.integrations().contains(i)).toList();
        List<String> lost = from.integrations().stream().filter(i -> !to.integrations().contains(i)).toList();
        return new Comparison(from, to, moves, unchanged, added, gone, gained, lost, warnings);
    }

    /** Duties whose party differs; a duty one side lacks counts as NONE there. Nothing when neither side has duties. */
    private static List<Move> dutyMoves(String layer, Cell a, Cell b) {
        List<Duty> da = a == null ? List.of() : a.duties();
        List<Duty> db = b == null ? List.of() : b.duties();
        if (da.isEmpty() && db.isEmpty()) {
            return List.of();
        }
        Map<String, Duty> before = new LinkedHashMap<>();
        da.forEach(d -> before.put(d.id(), d));
        Map<String, Duty> after = new LinkedHashMap<>();
        db.forEach(d -> after.put(d.id(), d));
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<Move> out = new ArrayList<>();
        for (String id : ids) {
            Duty x = before.get(id);
            Duty y = after.get(id);
            String px = x == null ? "NONE" : x.party();
            String py = y == null ? "NONE" : y.party();
            if (!px.equals(py)) {
                out.add(new Move(layer, id, px, py, Move.Direction.of(px, py), y == null ? null : y.reason(),
                        y == null ? null : y.rule(), y == null ? null : y.source()));
            }
        }
        return out;
    }

    private static Map<String, ControlRef> byId(List<ControlRef> controls) {
        Map<String, ControlRef> out = new LinkedHashMap<>();
        controls.forEach(c -> out.putIfAbsent(c.id(), c));
        return out;
    }
}
