package dev.srm.report.matrix;

/**
 * The frame of the HTML pages: one self-contained document (inline CSS, no script, no request to
 * anywhere; a Content-Security-Policy forbids them), in the audit report's colours.
 */
final class Page {
    private Page() {
    }

    static void open(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ")
                .append("base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(Escape.html(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n<h1>").append(Escape.html(title))
                .append("</h1>\n");
    }

    static void close(StringBuilder b, String footer) {
        b.append("<footer>").append(Escape.html(footer)).append(" A static page: no scripts, no external requests.</footer>\n")
                .append("</main>\n</body>\n</html>\n");
    }

    /** A link to an http(s) URL of the rule pack's metadata, or nothing. */
    static String link(String url, String text) {
        if (url == null) {
            return "";
        }
        String u = url.trim();
        if (!(u.startsWith("https://") || u.startsWith("http://"))) {
            return "";
        }
        return "<a href=\"" + Escape.html(u) + "\" rel=\"noopener noreferrer\">" + Escape.html(text) + "</a>";
    }

    static final String LEGEND = "<p class=\"legend\"><span class=\"sw p-customer\"></span>customer <span class=\"sw p-shared\"></span>shared "
            + "<span class=\"sw p-aws\"></span>AWS <span class=\"sw p-unknown\"></span>unknown <span class=\"sw p-conflict\"></span>conflict</p>\n";

    static final String CSS = """
            :root{--customer:#e8743b;--shared:#f2c14e;--aws:#4a7fb5;--unknown:#c9ccd1;--conflict:#b5179e;--ink:#1f2933;--muted:#6b7785;--line:#e3e7ec;
            --high:#d7263d;--met:#2e9e5b;--missing:#d7263d}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f6f8fa}
            main{max-width:1360px;margin:0 auto;padding:24px 28px 48px}
            h1{margin:0 0 8px;font-size:26px}
            h2{margin:30px 0 8px;font-size:19px;border-bottom:2px solid var(--line);padding-bottom:4px}
            .note{color:var(--muted)}
            table{border-collapse:collapse;background:#fff;margin:8px 0}
            th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
            thead th{background:#eef1f4;font-size:12px}
            .scroll{overflow-x:auto}
            .matrix th.layer{min-width:82px;max-width:96px;font-size:10.5px;line-height:1.2;vertical-align:bottom}
            .matrix td.cell{text-align:center;font-size:11px;font-weight:600;min-width:70px}
            .p-customer{background:var(--customer);color:#fff}.p-shared{background:var(--shared);color:#3b2f00}.p-aws{background:var(--aws);color:#fff}
            .p-unknown,.p-none{background:var(--unknown);color:#333}.p-conflict{background:var(--conflict);color:#fff}
            .duties{list-style:none;margin:4px 0 0;padding:0;font-weight:400;font-size:10.5px;text-align:left}
            .legend{font-size:12px;color:var(--muted)}
            .sw{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;margin:0 4px 0 10px}
            .mono,.cid{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
            .cid{color:var(--muted)}
            .badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:11px;font-weight:700}
            .st-met{background:var(--met);color:#fff}.st-missing{background:var(--missing);color:#fff}.st-unknown{background:var(--unknown);color:#333}
            .st-not-applicable{background:#aab4bf;color:#fff}.st-conflict{background:var(--conflict);color:#fff}
            .share-inherited{background:var(--aws);color:#fff}.share-shared{background:var(--shared);color:#3b2f00}
            .share-customer{background:var(--customer);color:#fff}.share-not-in-use{background:var(--unknown);color:#333}
            footer{margin-top:40px;color:var(--muted);font-size:12px}
            """;
}
