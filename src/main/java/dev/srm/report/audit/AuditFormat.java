package dev.srm.report.audit;

import java.io.Writer;

/** The formats {@code srm audit} writes, by the name {@code --format} takes, with the file each is written to. */
public enum AuditFormat {
    json("audit.json"),
    csv("audit.csv"),
    markdown("audit.md"),
    html("audit.html"),
    sarif("audit.sarif"),
    junit("audit.junit.xml");

    private final String fileName;

    AuditFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The name of the report file in {@code --out}. */
    public String fileName() {
        return fileName;
    }

    /** A renderer of this format writing to {@code out}. */
    public AuditRenderer open(Writer out, AuditCatalog catalog) {
        return switch (this) {
            case json -> new JsonAuditRenderer(out);
            case csv -> new CsvAuditRenderer(out);
            case markdown -> new MarkdownAuditRenderer(out);
            case html -> new HtmlAuditRenderer(out);
            case sarif -> new SarifAuditRenderer(out, catalog);
            case junit -> new JunitAuditRenderer(out);
        };
    }
}
