package com.autochec.verification.rules;

/**
 * The administrative statuses of a vehicle the registry records (HistoVec shows the same), with the
 * severity a check gives each and its messages. Unknown names from the registry are ignored.
 */
public enum AdministrativeStatus {
    STOLEN("REPORTED_STOLEN", Severity.FAIL,
            "Ce véhicule est déclaré volé.", "This vehicle has been reported stolen."),
    GAGE("STATUS_GAGE", Severity.WARNING,
            "Un gage est inscrit sur ce véhicule : sa vente est soumise à la levée du gage.",
            "A lien (gage) is registered on this vehicle: it cannot be sold until it is lifted."),
    OPPOSITION("STATUS_OPPOSITION", Severity.WARNING,
            "Une opposition est inscrite sur ce véhicule (par exemple des amendes impayées) : le changement de titulaire est bloqué.",
            "An opposition is registered on this vehicle (e.g. unpaid fines): a change of holder is blocked."),
    CERTIFICATE_STOLEN("STATUS_CERTIFICATE_STOLEN", Severity.FAIL,
            "Le certificat d'immatriculation de ce véhicule est déclaré volé.",
            "The registration certificate of this vehicle has been reported stolen."),
    CERTIFICATE_LOST("STATUS_CERTIFICATE_LOST", Severity.WARNING,
            "Le certificat d'immatriculation de ce véhicule est déclaré perdu.",
            "The registration certificate of this vehicle has been reported lost."),
    DESTROYED("STATUS_DESTROYED", Severity.FAIL,
            "Ce véhicule est déclaré détruit : il ne devrait pas circuler sous cette plaque.",
            "This vehicle is recorded as destroyed: no vehicle should be driving with this plate."),
    EXPORTED("STATUS_EXPORTED", Severity.FAIL,
            "Ce véhicule est déclaré exporté : il ne devrait plus circuler sous cette plaque française.",
            "This vehicle is recorded as exported: it should no longer carry this French plate.");

    private final String code;
    private final Severity severity;
    private final String fr;
    private final String en;

    AdministrativeStatus(String code, Severity severity, String fr, String en) {
        this.code = code;
        this.severity = severity;
        this.fr = fr;
        this.en = en;
    }

    public String code() {
        return code;
    }

    Reason reason() {
        return Reason.of(code, severity, fr, en, "status", name(), "source", "registry");
    }

    /** The status named {@code name} (case-insensitive; {@code REPORTED_STOLEN} is {@link #STOLEN}), or null. */
    public static AdministrativeStatus parse(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toUpperCase(java.util.Locale.ROOT);
        if (n.equals("REPORTED_STOLEN")) {
            return STOLEN;
        }
        for (AdministrativeStatus s : values()) {
            if (s.name().equals(n)) {
                return s;
            }
        }
        return null;
    }
}
