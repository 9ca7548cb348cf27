package com.autochec.report.report;

import java.util.List;
import java.util.Locale;

/** The languages a report is printed in: French (the default, issued with each check) and English on request. */
enum ReportLanguage {
    FR(Locale.FRANCE, List.of("Autochec — rapport de contrôle", "Immatriculation", "Date du contrôle", "Demandé par",
            "Motif", "Mode", "Contrôle n°", "Lieu", "Verdict", "Véhicule", "Marque", "Modèle", "Année", "Couleur",
            "Énergie", "VIN", "Titulaire", "Commune", "Documents", "Lecture de la plaque (OCR)",
            "Résultats des règles", "Gravité", "Règle", "Constat", "Rapport n°", "SHA-256 contenu",
            "Document signé électroniquement par Autochec. Authenticité vérifiable via le QR code ou "
                    + "POST /api/reports/verify.")),
    EN(Locale.UK, List.of("Autochec — check report", "Registration", "Checked on", "Requested by", "Purpose",
            "Channel", "Check no.", "Place", "Verdict", "Vehicle", "Make", "Model", "Year", "Colour", "Fuel", "VIN",
            "Holder", "Town", "Documents", "Plate reading (OCR)", "Rule results", "Severity", "Rule", "Finding",
            "Report no.", "Content SHA-256",
            "Electronically signed by Autochec. Check its authenticity with the QR code or POST /api/reports/verify."));

    private final Locale locale;
    private final List<String> labels;

    ReportLanguage(Locale locale, List<String> labels) {
        this.locale = locale;
        this.labels = labels;
    }

    Locale locale() {
        return locale;
    }

    /** The template's fixed labels, in the order of its parameters {@code L0..Ln}. */
    List<String> labels() {
        return labels;
    }

    boolean french() {
        return this == FR;
    }

    /** {@code fr} (or nothing) → FR, {@code en} → EN; anything else is not offered. */
    static ReportLanguage parse(String lang) {
        if (lang == null || lang.isBlank() || lang.strip().equalsIgnoreCase("fr")) return FR;
        if (lang.strip().equalsIgnoreCase("en")) return EN;
        throw new IllegalArgumentException("lang must be fr or en");
    }
}
