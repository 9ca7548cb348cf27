package com.autochec.ocr.document;

import com.autochec.contracts.document.DocumentType;
import java.util.List;
import java.util.Map;

/**
 * What to extract from each kind of document: a field's stable code, the labels that announce it
 * (accent-free, upper case; for the registration certificate its official letter codes), and how to
 * validate its value.
 */
record FieldSpec(String name, List<String> labels, ValueType type, boolean code) {

    enum ValueType { PLATE, VIN, DATE, DATE_FROM, DATE_UNTIL, TEXT, REFERENCE, MILEAGE, RESULT }

    static FieldSpec label(String name, ValueType type, String... labels) {
        return new FieldSpec(name, List.of(labels), type, false);
    }

    static FieldSpec code(String name, ValueType type, String code) {
        return new FieldSpec(name, List.of(code), type, true);
    }

    static final Map<DocumentType, List<FieldSpec>> BY_TYPE = Map.of(
            DocumentType.REGISTRATION, List.of(
                    code("PLATE", ValueType.PLATE, "A"),
                    code("FIRST_REGISTRATION", ValueType.DATE, "B"),
                    code("HOLDER_NAME", ValueType.TEXT, "C1"),
                    code("MAKE", ValueType.TEXT, "D1"),
                    code("TYPE", ValueType.REFERENCE, "D2"),
                    code("MODEL", ValueType.TEXT, "D3"),
                    code("VIN", ValueType.VIN, "E")),
            DocumentType.INSURANCE, List.of(
                    label("INSURER", ValueType.TEXT, "ASSUREUR", "INSURER"),
                    label("POLICY_NUMBER", ValueType.REFERENCE, "CONTRAT", "POLICE", "POLICY"),
                    label("HOLDER_NAME", ValueType.TEXT, "SOUSCRIPTEUR", "ASSURE :", "TITULAIRE"),
                    label("PLATE", ValueType.PLATE, "IMMATRICULATION", "IMMATRIC"),
                    label("VALID_FROM", ValueType.DATE_FROM, "VALIDITE", "VALABLE", "PERIODE"),
                    label("VALID_UNTIL", ValueType.DATE_UNTIL, "VALIDITE", "VALABLE", "PERIODE")),
            DocumentType.INSPECTION, List.of(
                    label("NEXT_DUE", ValueType.DATE, "PROCHAIN", "AVANT LE"),
                    label("INSPECTION_DATE", ValueType.DATE, "DATE DU CONTROLE", "DATE DE CONTROLE", "DATE DU CONTR"),
                    label("PLATE", ValueType.PLATE, "IMMATRICULATION", "IMMATRIC"),
                    label("VIN", ValueType.VIN, "VIN", "IDENTIFICATION"),
                    label("MILEAGE", ValueType.MILEAGE, "KILOMETRAGE", "KILOM"),
                    label("RESULT", ValueType.RESULT, "RESULTAT", "RESULT")));
}
