package com.autochec.ocr.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.ocr.tesseract.OcrWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

class FieldExtractorTest {

    /** Words of one line laid out left to right, 30 px high; "||" puts a column gap before the next word. */
    private static void line(List<OcrWord> words, int line, String text) {
        int x = 50;
        for (String w : text.split(" ")) {
            if (w.equals("||")) {
                x += 300;
                continue;
            }
            words.add(new OcrWord(w, 0.9, new Rect(x, line * 60, w.length() * 18, 30), line));
            x += w.length() * 18 + 15;
        }
    }

    private static DocumentRead.Field field(List<DocumentRead.Field> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void readsARegistrationCertificateByItsLetterCodes() {
        List<OcrWord> w = new ArrayList<>();
        line(w, 0, "RÉPUBLIQUE FRANÇAISE");
        line(w, 1, "| A. AB-123-CD || Numéro d'immatriculation");
        line(w, 2, "8. 12/03/2019 || Date de première immatriculation");
        line(w, 3, "C.1 MARTIN ODILE || Titulaire");
        line(w, 4, "D.1 RENAULT");
        line(w, 5, "D.2 JB23K7");
        line(w, 6, "0.3 CLIO");
        line(w, 7, "E. VF1RJA00012345678");
        List<DocumentRead.Field> f = FieldExtractor.extract(DocumentType.REGISTRATION, w);
        assertThat(field(f, "PLATE").value()).isEqualTo("AB123CD");
        assertThat(field(f, "FIRST_REGISTRATION").value()).isEqualTo("2019-03-12");
        assertThat(field(f, "HOLDER_NAME").value()).isEqualTo("MARTIN ODILE");
        assertThat(field(f, "MAKE").value()).isEqualTo("RENAULT");
        assertThat(field(f, "TYPE").value()).isEqualTo("JB23K7");
        assertThat(field(f, "MODEL").value()).isEqualTo("CLIO");
        assertThat(field(f, "VIN").value()).isEqualTo("VF1RJA00012345678");
        assertThat(f).allSatisfy(x -> {
            assertThat(x.valid()).isTrue();
            assertThat(x.confidence()).isEqualTo(0.9);
        });
    }

    @Test
    void readsAnInsuranceCertificateByItsLabels() {
        List<OcrWord> w = new ArrayList<>();
        line(w, 0, "ATTESTATION D'ASSURANCE");
        line(w, 1, "Assureur : MACIF");
        line(w, 2, "N° de contrat : 3955123C0");
        line(w, 3, "Immatriculation : KW-051-TN");
        line(w, 4, "Période de validité : du 14/04/2024 au 13/04/2025");
        line(w, 5, "Souscripteur : MARTIN ODILE");
        List<DocumentRead.Field> f = FieldExtractor.extract(DocumentType.INSURANCE, w);
        assertThat(field(f, "HOLDER_NAME").value()).isEqualTo("MARTIN ODILE");
        assertThat(field(f, "INSURER").value()).isEqualTo("MACIF");
        assertThat(field(f, "POLICY_NUMBER").value()).isEqualTo("3955123C0");
        assertThat(field(f, "PLATE").value()).isEqualTo("KW051TN");
        assertThat(field(f, "VALID_FROM").value()).isEqualTo("2024-04-14");
        assertThat(field(f, "VALID_UNTIL").value()).isEqualTo("2025-04-13");
    }

    @Test
    void readsAnInspectionReportAndTakesAValueFromTheNextLineWhenTheLabelStandsAlone() {
        List<OcrWord> w = new ArrayList<>();
        line(w, 0, "Date du contrôle :");
        line(w, 1, "15/12/2023");
        line(w, 2, "Immatriculation : WS-712-AT");
        line(w, 3, "N° VIN: VF8CT13LFLTOLJCZU");
        line(w, 4, "Kilométrage : 82 915 km");
        line(w, 5, "Résultat : Contre-visite");
        line(w, 6, "Prochain contrôle avant le: 15/02/2024");
        List<DocumentRead.Field> f = FieldExtractor.extract(DocumentType.INSPECTION, w);
        assertThat(field(f, "INSPECTION_DATE").value()).isEqualTo("2023-12-15");
        assertThat(field(f, "PLATE").value()).isEqualTo("WS712AT");
        assertThat(field(f, "VIN").value()).isEqualTo("VF8CT13LFLT0LJCZU");
        assertThat(field(f, "MILEAGE").value()).isEqualTo("82915");
        assertThat(field(f, "RESULT").value()).isEqualTo("COUNTER_VISIT");
        assertThat(field(f, "NEXT_DUE").value()).isEqualTo("2024-02-15");
    }

    @Test
    void reportsAnInvalidValueWithHalvedConfidence() {
        List<OcrWord> w = new ArrayList<>();
        line(w, 0, "Date du contrôle : 31/02/2023");
        DocumentRead.Field date = field(FieldExtractor.extract(DocumentType.INSPECTION, w), "INSPECTION_DATE");
        assertThat(date.valid()).isFalse();
        assertThat(date.value()).isEqualTo("31/02/2023");
        assertThat(date.confidence()).isEqualTo(0.45);
    }

    @Test
    void extractsNothingFromUnrelatedText() {
        List<OcrWord> w = new ArrayList<>();
        line(w, 0, "Lorem ipsum dolor sit amet");
        assertThat(FieldExtractor.extract(DocumentType.INSURANCE, w)).isEmpty();
    }
}
