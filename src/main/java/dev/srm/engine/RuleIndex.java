package dev.srm.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of the precompiled bundled pack as its KieBase holds them (package, name, metadata),
 * written by the build beside the module and keyed like it: listing the rules of exactly those
 * sources ({@code srm rules list}) then reads this file instead of building the KieBase.
 */
final class RuleIndex {
    /** One rule: its package, its name (the rule id) and its metadata, unquoted. */
    record Entry(String pkg, String name, Map<String, String> meta) {
    }

    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {
    };

    private RuleIndex() {
    }

    /** Where the index of the module with this key is, among srm's classes. */
    static String resource(String key) {
        return ModuleCache.BUNDLED + key + ".rules.json";
    }

    /** The rules of a KieBase, in its order. */
    static List<Entry> of(KieBase kieBase) {
        List<Entry> entries = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                Map<String, String> meta = new TreeMap<>();
                rule.getMetaData().forEach((k, v) -> meta.put(k, RulePack.unquote(v)));
                entries.add(new Entry(p.getName(), rule.getName(), meta));
            }
        }
        return entries;
    }

    static void write(KieBase kieBase, Path classes, String key) throws IOException {
        ModuleCache.writeBuilt(classes, resource(key), of(kieBase));
    }

    /** The index of the module with this key, or null when srm's classes have none (a pack other than the bundled one). */
    static List<Entry> find(String key) {
        return ModuleCache.readBuilt(resource(key), ENTRIES); // none, or unreadable: the KieBase answers instead
    }
}
