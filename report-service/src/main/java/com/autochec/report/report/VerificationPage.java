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
            form{background:#fff;border:1px solid #929292;padding:.75rem 1rem;margin-top:1.5rem}\
            label{display:block;font-weight:700;margin-bottom:.5rem}input[type=file]{display:block;margin-bottom:.75rem}\
            button{font:inherit;padding:.5rem 1rem;background:#000091;color:#fff;border:0;border-radius:.25rem}\
            button:focus,input:focus{outline:3px solid #0a76f6;outline-offset:2px}\
            .altered{border-color:#ce0500;color:#8a0300}\
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
                empreinte SHA-256 avec celle ci-dessus, ou déposez le fichier PDF ci-dessous.</p>
                %s""".formatted(
                escape(verification.issuedAtText()),
                escape(verification.verdictText()),
                escape(verification.maskedPlate()),
                escape(verification.sha256()),
                escape(verification.reportId()),
                UPLOAD_FORM);
        return page("Vérification d'un rapport Autochec", body);
    }

    static String unknown(String reportId) {
        String body = """
                <p class="status unknown" role="status"><strong>Rapport inconnu</strong> : Autochec n'a émis aucun \
                rapport portant l'identifiant <span class="hash">%s</span>.</p>
                <p>Le document que l'on vous présente n'est peut-être pas authentique. Vérifiez que l'adresse \
                correspond exactement à celle du code QR imprimé sur le rapport, ou déposez le fichier PDF \
                ci-dessous.</p>
                %s""".formatted(escape(reportId), UPLOAD_FORM);
        return page("Rapport inconnu", body);
    }

    /** What a buyer sees when opening an owner's share link: the public data and the signed PDF to download. */
    static String shared(PublicVerification verification, String pdfPath) {
        String body = """
                <p class="status genuine" role="status"><strong>Rapport authentique</strong> : le propriétaire du \
                véhicule vous partage ce rapport émis et signé par Autochec.</p>
                <dl>
                <dt>Date d'émission</dt><dd>%s</dd>
                <dt>Verdict</dt><dd>%s</dd>
                <dt>Plaque (partiellement masquée)</dt><dd>%s</dd>
                <dt>Empreinte SHA-256 du document</dt><dd class="hash">%s</dd>
                </dl>
                <p><a href="%s">Télécharger le rapport signé (PDF)</a> · <a href="%s?lang=en" hreflang="en" \
                lang="en">Download in English</a></p>
                """.formatted(escape(verification.issuedAtText()), escape(verification.verdictText()),
                escape(verification.maskedPlate()), escape(verification.sha256()), escape(pdfPath), escape(pdfPath));
        return page("Rapport partagé", body);
    }

    static String shareClosed() {
        return page("Lien de partage indisponible", """
                <p class="status unknown" role="status"><strong>Lien indisponible</strong> : ce lien de partage \
                n'existe pas, a expiré ou a été révoqué par le propriétaire du véhicule.</p>
                """);
    }

    /** Posts the file to {@code /api/reports/verify}, which answers browsers with {@link #uploaded}. */
    static final String UPLOAD_FORM = """
            <form method="post" action="/api/reports/verify" enctype="multipart/form-data">
            <label for="file">Vérifier un fichier PDF de rapport</label>
            <input type="file" id="file" name="file" accept="application/pdf,.pdf" required>
            <button type="submit">Vérifier le fichier</button>
            </form>
            """;

    static String uploaded(PdfVerification verification) {
        String css = switch (verification.result()) {
            case PdfVerification.GENUINE -> "genuine";
            case PdfVerification.ALTERED -> "altered";
            default -> "unknown";
        };
        String title = switch (verification.result()) {
            case PdfVerification.GENUINE -> "Fichier authentique";
            case PdfVerification.ALTERED -> "Fichier modifié";
            default -> "Fichier inconnu";
        };
        StringBuilder body = new StringBuilder()
                .append("<p class=\"status ").append(css).append("\" role=\"status\">")
                .append(escape(verification.resultText())).append("</p>\n<dl>\n");
        PublicVerification report = verification.report();
        if (report != null) {
            body.append("<dt>Date d'émission</dt><dd>").append(escape(report.issuedAtText())).append("</dd>\n")
                    .append("<dt>Verdict</dt><dd>").append(escape(report.verdictText())).append("</dd>\n")
                    .append("<dt>Plaque (partiellement masquée)</dt><dd>").append(escape(report.maskedPlate()))
                    .append("</dd>\n");
        }
        body.append("<dt>Empreinte SHA-256 du fichier déposé</dt><dd class=\"hash\">")
                .append(escape(verification.sha256())).append("</dd>\n</dl>\n").append(UPLOAD_FORM);
        return page(title, body.toString());
    }

    static String uploadRejected(String detail) {
        return page("Fichier refusé", "<p class=\"status unknown\" role=\"alert\">" + escape(detail) + "</p>\n"
                + UPLOAD_FORM);
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
