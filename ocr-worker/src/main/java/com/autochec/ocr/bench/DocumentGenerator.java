package com.autochec.ocr.bench;

import com.autochec.contracts.document.DocumentType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Renders realistic French vehicle documents with known field values (Java2D): registration
 * certificate (certificat d'immatriculation, official letter codes A, B, C.1, D.1…), insurance
 * certificate and technical inspection report, with the surrounding text and fields a real one has.
 */
public final class DocumentGenerator {

    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String SIV_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ";
    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final String[] SURNAMES = {"MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "FOURNIER"};
    private static final String[] GIVEN = {"ODILE", "JEAN", "MARIE", "PIERRE", "SOPHIE", "LUC", "CLAIRE", "PAUL", "ANNE", "HUGO", "LEA", "NICOLAS"};
    private static final String[][] MODELS = {{"RENAULT", "CLIO"}, {"PEUGEOT", "208"}, {"CITROEN", "C3"}, {"RENAULT", "MEGANE"}, {"PEUGEOT", "3008"}, {"DACIA", "SANDERO"}, {"TOYOTA", "YARIS"}, {"VOLKSWAGEN", "GOLF"}, {"FIAT", "PANDA"}, {"CITROEN", "BERLINGO"}};
    private static final String[] INSURERS = {"MAIF", "MACIF", "AXA FRANCE", "MATMUT", "GROUPAMA", "ALLIANZ IARD", "MMA IARD", "GMF ASSURANCES"};
    private static final String[][] RESULTS = {{"Favorable", "FAVOURABLE"}, {"Défavorable", "UNFAVOURABLE"}, {"Contre-visite", "COUNTER_VISIT"}};

    private final Random random;

    public DocumentGenerator(long seed) {
        this.random = new Random(seed);
    }

    public GeneratedDocument generate(DocumentType type) {
        return switch (type) {
            case REGISTRATION -> registration();
            case INSURANCE -> insurance();
            case INSPECTION -> inspection();
            case ROAD_TAX -> throw new IllegalArgumentException("no generator for " + type);
        };
    }

    private String plate() {
        String p;
        do {
            p = "" + l() + l() + "-" + d() + d() + d() + "-" + l() + l();
        } while (p.startsWith("SS") || p.endsWith("SS"));
        return p;
    }

    private char l() {
        return SIV_LETTERS.charAt(random.nextInt(SIV_LETTERS.length()));
    }

    private char d() {
        return (char) ('0' + random.nextInt(10));
    }

    private String vin() {
        StringBuilder sb = new StringBuilder("VF");
        sb.append("1378".charAt(random.nextInt(4)));
        while (sb.length() < 17) {
            sb.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
        }
        return sb.toString();
    }

    private LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt((toYear - fromYear) * 365));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private GeneratedDocument registration() {
        String plate = plate();
        LocalDate first = date(2005, 2024);
        String holder = pick(SURNAMES) + " " + pick(GIVEN);
        String[] model = pick(MODELS);
        String type = "" + l() + l() + d() + d() + l() + d();
        String vin = vin();
        Map<String, String> truth = new LinkedHashMap<>();
        truth.put("PLATE", plate.replace("-", ""));
        truth.put("FIRST_REGISTRATION", first.toString());
        truth.put("HOLDER_NAME", holder);
        truth.put("MAKE", model[0]);
        truth.put("TYPE", type);
        truth.put("MODEL", model[1]);
        truth.put("VIN", vin);
        Page page = new Page(1240, 1000, new Color(232, 240, 248));
        page.title("RÉPUBLIQUE FRANÇAISE", 60);
        page.title("CERTIFICAT D'IMMATRICULATION", 105);
        page.frame(40, 140, 1160, 800);
        int y = 200;
        page.field("A.", plate, 80, y);
        page.small("Numéro d'immatriculation", 700, y);
        page.field("B.", first.format(FR), 80, y += 70);
        page.small("Date de première immatriculation", 700, y);
        page.field("C.1", holder, 80, y += 70);
        page.small("Titulaire", 700, y);
        page.field("C.3", (1 + random.nextInt(120)) + " RUE DE LA PAIX " + (10000 + random.nextInt(80000)) + " PARIS", 80, y += 70);
        page.field("D.1", model[0], 80, y += 70);
        page.field("D.2", type, 80, y += 70);
        page.field("D.3", model[1], 80, y += 70);
        page.field("E.", vin, 80, y += 70);
        page.field("F.1", String.valueOf(1200 + random.nextInt(900)), 80, y += 70);
        page.field("G.", String.valueOf(900 + random.nextInt(800)), 500, y);
        page.field("J.", "M1", 850, y);
        page.field("P.1", String.valueOf(999 + random.nextInt(1000)), 80, y += 70);
        page.field("P.3", "ES", 500, y);
        page.field("I.", date(2020, 2025).format(FR), 850, y);
        return new GeneratedDocument(DocumentType.REGISTRATION, page.done(), truth);
    }

    private GeneratedDocument insurance() {
        String insurer = pick(INSURERS);
        String policy = String.valueOf(1_000_000 + random.nextInt(9_000_000)) + l() + d();
        String plate = plate();
        LocalDate from = date(2023, 2025);
        LocalDate until = from.plusYears(1).minusDays(1);
        Map<String, String> truth = new LinkedHashMap<>();
        truth.put("INSURER", insurer);
        truth.put("POLICY_NUMBER", policy);
        truth.put("PLATE", plate.replace("-", ""));
        truth.put("VALID_FROM", from.toString());
        truth.put("VALID_UNTIL", until.toString());
        Page page = new Page(1240, 1000, new Color(236, 248, 232));
        page.title("ATTESTATION D'ASSURANCE", 70);
        page.title("Véhicule terrestre à moteur", 115);
        page.frame(40, 150, 1160, 780);
        int y = 220;
        page.labelled("Assureur :", insurer, 80, y);
        page.labelled("N° de contrat :", policy, 80, y += 75);
        page.labelled("Souscripteur :", pick(SURNAMES) + " " + pick(GIVEN), 80, y += 75);
        page.labelled("Immatriculation :", plate, 80, y += 75);
        page.labelled("Marque :", pick(MODELS)[0], 80, y += 75);
        page.labelled("Période de validité :", "du " + from.format(FR) + " au " + until.format(FR), 80, y += 75);
        page.small("Cette attestation ne constitue qu'une présomption d'application des garanties.", 80, y += 120);
        page.small("Code Assurances art. R211-14 — document à conserver dans le véhicule.", 80, y + 35);
        return new GeneratedDocument(DocumentType.INSURANCE, page.done(), truth);
    }

    private GeneratedDocument inspection() {
        LocalDate on = date(2022, 2025);
        String[] result = pick(RESULTS);
        LocalDate next = result[1].equals("FAVOURABLE") ? on.plusYears(2) : on.plusMonths(2);
        int km = 5_000 + random.nextInt(250_000);
        String plate = plate();
        String vin = vin();
        Map<String, String> truth = new LinkedHashMap<>();
        truth.put("INSPECTION_DATE", on.toString());
        truth.put("PLATE", plate.replace("-", ""));
        truth.put("VIN", vin);
        truth.put("MILEAGE", String.valueOf(km));
        truth.put("RESULT", result[1]);
        truth.put("NEXT_DUE", next.toString());
        Page page = new Page(1240, 1000, Color.WHITE);
        page.title("PROCÈS-VERBAL DE CONTRÔLE TECHNIQUE", 70);
        page.title("Véhicules légers", 115);
        page.frame(40, 150, 1160, 800);
        int y = 220;
        page.labelled("Centre :", "AUTO BILAN " + pick(SURNAMES), 80, y);
        page.labelled("Date du contrôle :", on.format(FR), 80, y += 75);
        page.labelled("Immatriculation :", plate, 80, y += 75);
        page.labelled("N° VIN :", vin, 80, y += 75);
        page.labelled("Kilométrage :", String.format("%,d km", km).replace(',', ' ').replace('\u00a0', ' '), 80, y += 75);
        page.labelled("Résultat :", result[0], 80, y += 75);
        page.labelled("Prochain contrôle avant le :", next.format(FR), 80, y += 75);
        page.small("Défaillances constatées : voir au verso.", 80, y + 110);
        return new GeneratedDocument(DocumentType.INSPECTION, page.done(), truth);
    }

    /** A page being drawn. */
    private static final class Page {
        private final BufferedImage image;
        private final Graphics2D g;

        Page(int w, int h, Color paper) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(paper);
            g.fillRect(0, 0, w, h);
        }

        void title(String text, int y) {
            g.setColor(new Color(20, 30, 80));
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 34));
            int w = g.getFontMetrics().stringWidth(text);
            g.drawString(text, (image.getWidth() - w) / 2, y);
        }

        void frame(int x, int y, int w, int h) {
            g.setColor(new Color(90, 100, 130));
            g.setStroke(new BasicStroke(2));
            g.drawRect(x, y, w, h);
        }

        void field(String code, String value, int x, int y) {
            g.setColor(new Color(60, 60, 110));
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 26));
            g.drawString(code, x, y);
            g.setColor(Color.BLACK);
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 30));
            g.drawString(value, x + 80, y);
        }

        void labelled(String label, String value, int x, int y) {
            g.setColor(new Color(60, 60, 60));
            g.setFont(new Font("DejaVu Sans", Font.PLAIN, 28));
            g.drawString(label, x, y);
            int w = g.getFontMetrics().stringWidth(label);
            g.setColor(Color.BLACK);
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 30));
            g.drawString(value, x + w + 20, y);
        }

        void small(String text, int x, int y) {
            g.setColor(new Color(90, 90, 90));
            g.setFont(new Font("DejaVu Serif", Font.ITALIC, 20));
            g.drawString(text, x, y);
        }

        BufferedImage done() {
            g.dispose();
            return image;
        }
    }
}
