package dev.srm.engine;

import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;

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

    private KieCompiler() {
    }

    static KieBase compile(RuleSources sources) throws RulesException {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("dev.srm.pack", "p" + sources.digest().substring(0, 16), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        // facts are immutable records, never modified: property reactivity has nothing to track
        module.setConfigurationProperty("drools.propertySpecific", "ALLOWED");
        module.newKieBaseModel("srm").setDefault(true).newKieSessionModel("srm-session").setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        Map<String, RuleFile> byPath = new HashMap<>();
        int n = 0;
        for (RuleFile f : sources.drlFiles()) {
            // the folder follows the DRL package (as Drools expects); the number keeps two packs'
            // files of the same name (bundled + extra) apart
            Matcher pm = PACKAGE.matcher(f.content());
            String folder = pm.find() ? pm.group(1).replace('.', '/') : "default";
            String name = f.relative().substring(f.relative().lastIndexOf('/') + 1);
            String path = PREFIX + folder + "/" + (n++) + "-" + name;
            byPath.put(path, f);
            kfs.write(path, f.content());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
        List<String> errors = new ArrayList<>();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message m : messages) {
            boolean echo = m.getLine() <= 0 && messages.stream().anyMatch(o -> o.getLine() > 0 && java.util.Objects.equals(o.getPath(), m.getPath()));
            if (!echo) { // "Parser returned a null Package" repeats a located error
                errors.add(describe(m, byPath));
            }
        }
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        return container.getKieBase();
    }

    private static String describe(Message m, Map<String, RuleFile> byPath) {
        RuleFile f = m.getPath() == null ? null : byPath.getOrDefault(m.getPath(), byPath.get(PREFIX + m.getPath()));
        String where = f == null ? (m.getPath() == null ? "rules" : m.getPath()) : f.origin();
        String text = m.getText() == null ? "compile error" : m.getText().replaceAll("\\s+", " ").trim();
        text = text.replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "");
        return m.getLine() > 0 ? where + ":" + m.getLine() + ": " + text : where + ": " + text;
    }
}
