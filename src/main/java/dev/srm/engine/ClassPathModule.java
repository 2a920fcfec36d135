package dev.srm.engine;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.EventProcessingOption;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The precompiled bundled pack as classes on the class path. Built from the module's bytes, a
 * KieBase defines the executable model's generated classes (7,606 for 2,214 rules) in Drools'
 * own class loader, where the JVM's class-data sharing archive cannot hold them: 4.0-4.7 s of a
 * cold start. Unpacked into srm's classes at build time, the same classes come from the archive;
 * the KieBase is built from the module's list of its models, without a KieContainer (which would
 * scan the class path for kmodule.xml files first): about 0.7 s in-process (docs/performance.md).
 *
 * <p>The module's list of generated class names is left out: Drools' class loader looks for a
 * listed class in the module's bytes first, which a class-path module does not carry.
 */
final class ClassPathModule {
    private static final String GROUP = "dev.srm.pack";
    private static final String NAMES = "generated-class-names";
    /** Beside the classes folder: what the last extraction wrote, removed before the next. */
    private static final String LIST = "srm-kbase.files";
    private static final String KMODULE = "META-INF/kmodule.xml";

    /** Where the build writes the cache key of the pack it unpacked, so that a run can start its KieBase first. */
    static final String BUNDLED_KEY = ModuleCache.BUNDLED + "bundled.key";

    /** The bundled pack's KieBase being built on another thread, taken by the first {@link #load} of its key. */
    private static Ahead ahead; // guarded by ClassPathModule.class

    /**
     * A KieBase built on a thread of its own, for the first caller that asks for its key: a
     * KieBase is handed out once, since user rules may be added to it.
     */
    static final class Ahead {
        private final String key;
        private final java.util.concurrent.FutureTask<KieBase> kieBase;
        private final java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();

        Ahead(String key) {
            this.key = key;
            this.kieBase = new java.util.concurrent.FutureTask<>(() -> build(key));
            Thread t = new Thread(kieBase, "srm-kbase");
            t.setDaemon(true);
            t.start();
        }

        /** The KieBase, the first time it is asked for with its key; null otherwise, or when it could not be built. */
        KieBase take(String wanted) {
            if (!key.equals(wanted) || !taken.compareAndSet(false, true)) {
                return null;
            }
            try {
                return kieBase.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                return null; // built again by the caller, where a failure has its usual answer
            }
        }
    }

    private ClassPathModule() {
    }

    /**
     * Starts building the KieBase of the bundled pack on a thread of its own, once per process,
     * when the build left its key on the class path: reading the pack's files, tables and
     * catalogues, which decide the key a run then asks for, and building the network of rules
     * (most of a cold start) then overlap on two cores. The KieBase goes to the first
     * {@link #load} of that key; a run that asks for another key, or for none, leaves it to the
     * collector.
     */
    static synchronized void prefetchBundled() {
        String key = ahead == null ? bundledKey() : null;
        if (key != null) {
            ahead = new Ahead(key);
        }
    }

    /** The key of the pack the build unpacked into the class path, or null. */
    static String bundledKey() {
        try (java.io.InputStream in = ClassPathModule.class.getClassLoader().getResourceAsStream(BUNDLED_KEY)) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A new KieBase of the pack with this cache key, from the class path: null when the class
     * path holds no such module (a rules directory, or a build of other rules) or it cannot be
     * loaded. Each call builds its own KieBase, which user rules may then be added to (the one
     * {@link #prefetchBundled} started is handed out once).
     */
    static KieBase load(String key) {
        Ahead started;
        synchronized (ClassPathModule.class) {
            started = ahead;
        }
        KieBase built = started == null ? null : started.take(key);
        return built != null ? built : build(key);
    }

    private static KieBase build(String key) {
        ClassLoader loader = ClassPathModule.class.getClassLoader();
        try (java.io.InputStream in = loader.getResourceAsStream(model(key))) {
            if (in == null) {
                return null;
            }
            // The module's models by name, built into a KieBase directly: a class-path container
            // would first scan the whole class path for kmodule.xml files (srm.jar's 6,500 entries),
            // about 0.3 s of a cold start. The options are the kbase's in kmodule.xml.
            List<Model> models = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("Drools-Model-Version")) {
                    models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
                }
            }
            return models.isEmpty() ? null
                    : KieBaseBuilder.createKieBaseFromModel(models, EventProcessingOption.CLOUD, EqualityBehaviorOption.IDENTITY);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // the caller loads the module's bytes instead
        }
    }

    /** The module's list of its models: what tells whether the pack of a key is on the class path. */
    private static String model(String key) {
        return "META-INF/kie/" + GROUP + "/p" + key + "/drools-model";
    }

    /** True when a classes folder holds the unpacked module of this key (a build that changed no rule skips unpacking). */
    static boolean unpacked(Path classes, String key) {
        return Files.isRegularFile(classes.resolve(model(key)));
    }

    /**
     * The module's description with no default KieBase or session: srm builds its KieBase from
     * the models, and an application that embeds srm and has a Drools module of its own must still
     * find its own defaults on the class path.
     */
    static byte[] notDefault(byte[] kmodule) {
        String xml = new String(kmodule, java.nio.charset.StandardCharsets.UTF_8);
        return xml.replace(" default=\"true\"", " default=\"false\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Unpacks a module into a classes folder (build time), replacing what an earlier build unpacked. */
    static void extract(byte[] module, Path classes) throws IOException {
        Path list = classes.toAbsolutePath().getParent().resolve(LIST);
        if (Files.isRegularFile(list)) {
            for (String name : Files.readAllLines(list)) {
                if (!name.isBlank()) {
                    Files.deleteIfExists(classes.resolve(name));
                }
            }
        }
        List<String> written = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (e.isDirectory() || name.endsWith("/" + NAMES) || name.contains("..") || name.startsWith("/")) {
                    continue;
                }
                Path target = classes.resolve(name).normalize();
                if (!target.startsWith(classes.normalize())) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                byte[] bytes = zip.readAllBytes();
                if (name.equals(KMODULE)) {
                    bytes = notDefault(bytes);
                }
                Files.write(target, bytes);
                written.add(name);
            }
        }
        Files.write(list, written);
    }
}
