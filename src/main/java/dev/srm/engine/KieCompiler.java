package dev.srm.engine;

import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;
import dev.srm.rules.SrmVersion;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds a KieBase from the DRL files of a pack and reports compile errors as {@code file:line: message}. */
final class KieCompiler {
    private static final String PREFIX = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern DECLARE = Pattern.compile("^\\s*declare\\b", Pattern.MULTILINE);

    private KieCompiler() {
    }

    /**
     * The KieBase of a pack. A pack compiled before (at build time for the bundled pack, or in
     * an earlier run for a rules directory) is loaded from its executable-model module, keyed by
     * the rule files' contents, srm's version and Drools' version; otherwise it is compiled
     * and the module is cached for the next run.
     */
    static KieBase compile(RuleSources sources) throws RulesException {
        String key = cacheKey(sources);
        KieBase onClassPath = ClassPathModule.load(key);
        if (onClassPath != null) {
            return onClassPath;
        }
        KieServices ks = KieServices.get();
        KieBase cached = cached(ks, key);
        if (cached != null) {
            return cached;
        }
        KieBuilder builder = build(ks, sources, key, true);
        List<String> errors = errors(builder, sources, key, ks);
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
        return stored(ks, builder, key);
    }

    /**
     * The KieBase of a base pack with a few rule files on top (user rules over the bundled pack):
     * the base is loaded as {@link #compile} loads it (precompiled, cached or compiled) and only
     * the files on top are compiled, as a module of their own (cached the same way), whose
     * packages are then added to the base's KieBase. What the user's rules cost is then their
     * own size, not the pack's. Null when the files on top cannot stand alone: they declare a
     * type, share a package with the base (and so may use its functions, globals or rule
     * names) or do not compile by themselves; the caller then compiles the whole pack, whose
     * errors name the DRL file and line.
     */
    static KieBase compileOnTop(RuleSources base, RuleSources top) {
        if (top.drlFiles().stream().anyMatch(f -> DECLARE.matcher(f.content()).find())) {
            return null;
        }
        java.util.Set<String> declared = packages(top);
        if (!java.util.Collections.disjoint(declared, packages(base))) {
            return null;
        }
        KieServices ks = KieServices.get();
        String key = cacheKey(top);
        KieBase added = cached(ks, key);
        if (added == null) {
            KieBuilder builder = build(ks, top, key, true);
            if (!builder.getResults().getMessages(Message.Level.ERROR).isEmpty()) {
                return null;
            }
            added = stored(ks, builder, key);
        }
        // only the packages the files on top declare: the module also holds one per package of
        // the fact types it reads (dev.srm.facts), which the base has already
        List<KiePackage> packages = new ArrayList<>();
        for (String name : declared) {
            KiePackage p = added.getKiePackage(name);
            if (p == null) {
                return null;
            }
            packages.add(p);
        }
        KieBase kieBase;
        try {
            kieBase = compile(base); // a KieBase of its own: a shared one must not gain the user's rules
            ((InternalKnowledgeBase) kieBase).addPackages(packages);
        } catch (RulesException | RuntimeException e) {
            return null;
        }
        return kieBase;
    }

    /** The packages the DRL files of a pack declare. */
    private static java.util.Set<String> packages(RuleSources sources) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (RuleFile f : sources.drlFiles()) {
            names.add(packageOf(f));
        }
        return names;
    }

    /** The package a DRL file declares; Drools' default package for a file that declares none. */
    private static String packageOf(RuleFile f) {
        Matcher pm = PACKAGE.matcher(f.content());
        return pm.find() ? pm.group(1) : "defaultpkg";
    }

    /** A module compiled before (by key) from the user's cache, loaded; null when there is none or it cannot be. */
    private static KieBase cached(KieServices ks, String key) {
        byte[] module = ModuleCache.find(key);
        return module == null ? null : load(ks, module);
    }

    /** A module just built: kept in the cache for the next run, and its KieBase. */
    private static KieBase stored(KieServices ks, KieBuilder builder, String key) {
        InternalKieModule kieModule = (InternalKieModule) builder.getKieModule();
        ModuleCache.store(key, kieModule.getBytes());
        return ks.newKieContainer(kieModule.getReleaseId()).getKieBase();
    }

    /** Compiles a pack with the classic DRL compiler, bypassing every cache (to check that caching changes nothing). */
    static KieBase compileClassic(RuleSources sources) throws RulesException {
        KieServices ks = KieServices.get();
        String key = cacheKey(sources) + "c";
        KieBuilder builder = build(ks, sources, key, false);
        List<String> errors = errors(builder, sources, key, ks);
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
        return ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
    }

    /** Compiles a pack to the bytes of its executable-model module (used at build time). */
    static byte[] precompile(RuleSources sources) throws RulesException {
        KieServices ks = KieServices.get();
        String key = cacheKey(sources);
        KieBuilder builder = build(ks, sources, key, true);
        List<String> errors = errors(builder, sources, key, ks);
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
        return ((InternalKieModule) builder.getKieModule()).getBytes();
    }

    static String cacheKey(RuleSources sources) {
        String srm = SrmVersion.get();
        String drools = String.valueOf(KieServices.class.getPackage().getImplementationVersion());
        return RuleSources.sha256("srm " + srm + "\ndrools " + drools + "\n" + sources.digest()).substring(0, 32);
    }

    private static KieBase load(KieServices ks, byte[] module) {
        try {
            org.kie.api.builder.KieModule km = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(module));
            return ks.newKieContainer(km.getReleaseId()).getKieBase();
        } catch (RuntimeException e) {
            return null; // a stale or damaged cache entry: compile instead
        }
    }

    /**
     * Errors of a build. The executable model reports type errors against generated Java, so
     * a failed build is compiled again with the classic compiler, whose errors name the DRL
     * file and line.
     */
    private static List<String> errors(KieBuilder builder, RuleSources sources, String key, KieServices ks) {
        if (builder.getResults().getMessages(Message.Level.ERROR).isEmpty()) {
            return List.of();
        }
        KieBuilder classic = build(ks, sources, key, false);
        Map<String, RuleFile> byPath = paths(sources);
        List<Message> messages = classic.getResults().getMessages(Message.Level.ERROR);
        if (messages.isEmpty()) {
            messages = builder.getResults().getMessages(Message.Level.ERROR);
        }
        List<String> errors = new ArrayList<>();
        for (Message m : messages) {
            boolean echo = m.getLine() <= 0 && messages.stream()
                    .anyMatch(o -> o.getLine() > 0 && java.util.Objects.equals(o.getPath(), m.getPath()));
            if (!echo) { // "Parser returned a null Package" repeats a located error
                errors.add(describe(m, byPath));
            }
        }
        return errors;
    }

    private static Map<String, RuleFile> paths(RuleSources sources) {
        Map<String, RuleFile> byPath = new HashMap<>();
        int n = 0;
        for (RuleFile f : sources.drlFiles()) {
            // the folder follows the DRL package (as Drools expects); the number keeps two packs'
            // files of the same name (bundled + extra) apart
            String folder = packageOf(f).replace('.', '/');
            String name = f.relative().substring(f.relative().lastIndexOf('/') + 1);
            byPath.put(PREFIX + folder + "/" + (n++) + "-" + name, f);
        }
        return byPath;
    }

    private static KieBuilder build(KieServices ks, RuleSources sources, String key, boolean executableModel) {
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("dev.srm.pack", "p" + key, "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        // facts are immutable records, never modified: property reactivity has nothing to track
        module.setConfigurationProperty("drools.propertySpecific", "ALLOWED");
        module.newKieBaseModel("srm").setDefault(true).newKieSessionModel("srm-session").setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        paths(sources).forEach((path, f) -> kfs.write(path, f.content()));
        return executableModel ? ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class)
                : ks.newKieBuilder(kfs).buildAll(DrlProject.class);
    }

    private static String describe(Message m, Map<String, RuleFile> byPath) {
        RuleFile f = m.getPath() == null ? null : byPath.getOrDefault(m.getPath(), byPath.get(PREFIX + m.getPath()));
        String where = f == null ? (m.getPath() == null ? "rules" : m.getPath()) : f.origin();
        String text = m.getText() == null ? "compile error" : m.getText().replaceAll("\\s+", " ").trim();
        text = text.replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "");
        return m.getLine() > 0 ? where + ":" + m.getLine() + ": " + text : where + ": " + text;
    }
}
