package com.autochec.report.report;

import org.springframework.web.util.HtmlUtils;

/**
 * The public authenticity page, as one self-contained HTML document: French, phone first, no external asset
 * (inline CSS only), one {@code h1}, contrasts above WCAG AA, every value escaped.
 */
final class VerificationPage {

    private static final String STYLE = """
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;\
            font-size:1.0625rem;line-height:1.5;color:#161616;background:#f6f6f6}\
            main{max-width:36rem;margin:0 auto;padding:1.25rem 1rem}\
            h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}\
            .status{border-left:.375rem solid;padding:.75rem 1rem;margin:0 0 1.25rem;background:#fff}\
            .genuine{border-color:#18753c;color:#0f4f28}.unknown{border-color:#b34000;color:#7a2c00}\
            dl{margin:0;background:#fff;padding:.5rem 1rem;border:1px solid #929292}\
            dt{font-weight:700;margin-top:.75rem}dd{margin:0 0 .25rem}\
            .hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875rem;overflow-wrap:anywhere}\
            footer{margin-top:1.5rem;font-size:.9375rem;color:#3a3a3a}""";

    private VerificationPage() {}

    static String genuine(PublicVerification verification) {
        String body = """
                <p class="status genuine" role="status"><strong>Rapport authentique</strong> : ce rapport a bien été \
                émis par Autochec.</p>
                <dl>
                <dt>Date d'émission</dt><dd>%s</dd>
                <dt>Verdict</dt><dd>%s</dd>
                <dt>Plaque (partiellement masquée)</dt><dd>%s</dd>
                <dt>Empreinte SHA-256 du document</dt><dd class="hash">%s</dd>
                <dt>Identifiant du rapport</dt><dd class="hash">%s</dd>
                </dl>
                <p>Pour vous assurer que le document que l'on vous présente n'a pas été modifié, comparez son \
                empreinte SHA-256 avec celle ci-dessus.</p>
                """.formatted(
                escape(verification.issuedAtText()),
                escape(verification.verdictText()),
                escape(verification.maskedPlate()),
                escape(verification.sha256()),
                escape(verification.reportId()));
        return page("Vérification d'un rapport Autochec", body);
    }

    static String unknown(String reportId) {
        String body = """
                <p class="status unknown" role="status"><strong>Rapport inconnu</strong> : Autochec n'a émis aucun \
                rapport portant l'identifiant <span class="hash">%s</span>.</p>
                <p>Le document que l'on vous présente n'est peut-être pas authentique. Vérifiez que l'adresse \
                correspond exactement à celle du code QR imprimé sur le rapport.</p>
                """.formatted(escape(reportId));
        return page("Rapport inconnu", body);
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s — Autochec</title>
                <style>%s</style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s<footer>Autochec — vérification de l'authenticité des rapports de contrôle.</footer>
                </main>
                </body>
                </html>
                """.formatted(escape(title), STYLE, escape(title), body);
    }

    private static String escape(String value) {
        return value == null ? "—" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
