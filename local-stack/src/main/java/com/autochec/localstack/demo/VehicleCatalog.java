package com.autochec.localstack.demo;

import java.util.List;

/**
 * Makes, models and variants sold in France, with the manufacturers' real world manufacturer identifiers
 * (WMI). Power (kW) and French fiscal horsepower (CV) are those of the variant; years are when it was sold.
 */
final class VehicleCatalog {

    record Variant(String name, String fuel, int powerKw, int fiscalPower, int fromYear, int toYear) {
    }

    record Model(String make, String model, String category, List<String> wmis, String vds, int weight,
            List<Variant> variants) {
    }

    private VehicleCatalog() {
    }

    private static Variant v(String name, String fuel, int kw, int cv, int from, int to) {
        return new Variant(name, fuel, kw, cv, from, to);
    }

    /**
     * Motorcycles (category L3e), used only for the fixed demo vehicles (not drawn into the random fleet, so
     * the generated fleet stays the same for a seed).
     */
    static final List<Model> MOTORCYCLES = List.of(
            new Model("Yamaha", "MT-07", "L3e", List.of("JYA"), "RM170", 1, List.of(
                    v("689 ABS", "ESSENCE", 54, 5, 2014, 2025))),
            new Model("Honda", "CB500F", "L3e", List.of("JH2"), "PC630", 1, List.of(
                    v("471 ABS", "ESSENCE", 35, 4, 2013, 2025))));

    static final List<Model> MODELS = List.of(
            new Model("Renault", "Clio", "M1", List.of("VF1"), "RJA00", 12, List.of(
                    v("1.2 16V 75", "ESSENCE", 55, 4, 2006, 2014), v("1.5 dCi 90", "DIESEL", 66, 4, 2012, 2019),
                    v("TCe 90", "ESSENCE", 67, 5, 2013, 2024), v("E-Tech 145", "HYBRIDE", 105, 4, 2020, 2025),
                    v("TCe 100 GPL", "GPL", 74, 5, 2019, 2024))),
            new Model("Renault", "Captur", "M1", List.of("VF1"), "RHN00", 6, List.of(
                    v("TCe 90", "ESSENCE", 67, 5, 2014, 2024), v("Blue dCi 115", "DIESEL", 85, 6, 2019, 2022),
                    v("E-Tech 145", "HYBRIDE", 105, 4, 2021, 2025))),
            new Model("Renault", "Megane", "M1", List.of("VF1"), "BFB00", 5, List.of(
                    v("1.5 dCi 110", "DIESEL", 81, 5, 2009, 2019), v("TCe 140", "ESSENCE", 103, 7, 2018, 2023),
                    v("E-Tech EV60 220", "ELECTRIQUE", 160, 3, 2022, 2025))),
            new Model("Renault", "Zoe", "M1", List.of("VF1"), "AG000", 2, List.of(
                    v("R110", "ELECTRIQUE", 80, 1, 2018, 2024), v("R135", "ELECTRIQUE", 100, 1, 2020, 2024))),
            new Model("Renault", "Kangoo", "N1", List.of("VF1"), "FW000", 3, List.of(
                    v("1.5 dCi 75", "DIESEL", 55, 4, 2008, 2021), v("Blue dCi 95", "DIESEL", 70, 5, 2021, 2025))),
            new Model("Peugeot", "208", "M1", List.of("VF3"), "CA5HR", 12, List.of(
                    v("1.2 PureTech 82", "ESSENCE", 60, 4, 2012, 2019), v("1.6 BlueHDi 100", "DIESEL", 73, 4, 2014, 2019),
                    v("1.2 PureTech 100", "ESSENCE", 74, 5, 2019, 2025), v("e-208 136", "ELECTRIQUE", 100, 1, 2019, 2025))),
            new Model("Peugeot", "308", "M1", List.of("VF3"), "LBHNZ", 6, List.of(
                    v("1.6 HDi 92", "DIESEL", 68, 5, 2008, 2013), v("1.5 BlueHDi 130", "DIESEL", 96, 7, 2017, 2025),
                    v("1.2 PureTech 130", "ESSENCE", 96, 7, 2014, 2025), v("Hybrid 180", "HYBRIDE", 133, 8, 2021, 2025))),
            new Model("Peugeot", "2008", "M1", List.of("VF3"), "CUHNS", 6, List.of(
                    v("1.2 PureTech 130", "ESSENCE", 96, 7, 2014, 2025), v("1.5 BlueHDi 110", "DIESEL", 81, 5, 2019, 2025))),
            new Model("Peugeot", "3008", "M1", List.of("VF3"), "MRHNS", 5, List.of(
                    v("1.5 BlueHDi 130", "DIESEL", 96, 7, 2017, 2024), v("Hybrid4 300", "HYBRIDE", 221, 11, 2020, 2024))),
            new Model("Peugeot", "Partner", "N1", List.of("VF3"), "EF9HM", 2, List.of(
                    v("1.6 HDi 90", "DIESEL", 66, 5, 2008, 2018), v("1.5 BlueHDi 100", "DIESEL", 75, 5, 2018, 2025))),
            new Model("Citroën", "C3", "M1", List.of("VF7"), "SXHMZ", 9, List.of(
                    v("1.4 HDi 70", "DIESEL", 50, 4, 2005, 2016), v("1.2 PureTech 83", "ESSENCE", 61, 4, 2016, 2025),
                    v("e-C3 113", "ELECTRIQUE", 83, 1, 2024, 2025))),
            new Model("Citroën", "C4", "M1", List.of("VF7"), "NCHNS", 3, List.of(
                    v("1.6 HDi 110", "DIESEL", 80, 6, 2008, 2017), v("1.2 PureTech 130", "ESSENCE", 96, 7, 2021, 2025))),
            new Model("Citroën", "Berlingo", "N1", List.of("VF7"), "7A9HK", 3, List.of(
                    v("1.6 HDi 90", "DIESEL", 66, 5, 2008, 2018), v("1.5 BlueHDi 100", "DIESEL", 75, 5, 2018, 2025))),
            new Model("Dacia", "Sandero", "M1", List.of("UU1"), "5SDRB", 9, List.of(
                    v("1.2 16V 75", "ESSENCE", 54, 5, 2008, 2016), v("1.5 dCi 90", "DIESEL", 66, 4, 2012, 2020),
                    v("TCe 90", "ESSENCE", 67, 5, 2020, 2025), v("ECO-G 100", "GPL", 74, 5, 2020, 2025))),
            new Model("Dacia", "Duster", "M1", List.of("UU1"), "HSDAC", 5, List.of(
                    v("1.5 dCi 110", "DIESEL", 80, 6, 2010, 2023), v("ECO-G 100", "GPL", 74, 5, 2020, 2025),
                    v("Hybrid 140", "HYBRIDE", 104, 5, 2024, 2025))),
            new Model("Dacia", "Spring", "M1", List.of("UU1"), "BDE00", 2, List.of(
                    v("Electric 45", "ELECTRIQUE", 33, 1, 2021, 2025))),
            new Model("Volkswagen", "Golf", "M1", List.of("WVW"), "ZZZAU", 5, List.of(
                    v("1.6 TDI 105", "DIESEL", 77, 6, 2009, 2016), v("1.5 TSI 130", "ESSENCE", 96, 7, 2019, 2025),
                    v("1.4 eHybrid 204", "HYBRIDE", 150, 8, 2020, 2025))),
            new Model("Volkswagen", "Polo", "M1", List.of("WVW"), "ZZZAW", 5, List.of(
                    v("1.2 TSI 90", "ESSENCE", 66, 5, 2010, 2017), v("1.0 TSI 95", "ESSENCE", 70, 5, 2017, 2025))),
            new Model("Volkswagen", "ID.3", "M1", List.of("WVW"), "ZZZE1", 2, List.of(
                    v("Pro 150", "ELECTRIQUE", 110, 1, 2020, 2025))),
            new Model("BMW", "Série 1", "M1", List.of("WBA"), "7K310", 2, List.of(
                    v("118d 150", "DIESEL", 110, 8, 2015, 2025), v("118i 136", "ESSENCE", 100, 7, 2019, 2025))),
            new Model("BMW", "Série 3", "M1", List.of("WBA"), "5R110", 2, List.of(
                    v("320d 190", "DIESEL", 140, 10, 2012, 2025), v("330e 292", "HYBRIDE", 215, 12, 2019, 2025))),
            new Model("Mercedes-Benz", "Classe A", "M1", List.of("WDD"), "17708", 2, List.of(
                    v("A 180 d 116", "DIESEL", 85, 6, 2013, 2025), v("A 200 163", "ESSENCE", 120, 9, 2018, 2025))),
            new Model("Mercedes-Benz", "Classe C", "M1", List.of("WDD"), "20500", 2, List.of(
                    v("C 220 d 194", "DIESEL", 143, 10, 2014, 2021), v("C 300 e 313", "HYBRIDE", 230, 12, 2021, 2025))),
            new Model("Toyota", "Yaris", "M1", List.of("VNK"), "KL3D3", 6, List.of(
                    v("1.0 VVT-i 69", "ESSENCE", 51, 4, 2011, 2020), v("Hybride 100", "HYBRIDE", 74, 4, 2012, 2020),
                    v("Hybride 116", "HYBRIDE", 85, 5, 2020, 2025))),
            new Model("Toyota", "C-HR", "M1", List.of("JTD"), "ZABX1", 2, List.of(
                    v("Hybride 122", "HYBRIDE", 90, 5, 2017, 2025))),
            new Model("Toyota", "RAV4", "M1", List.of("JTD"), "W3FV1", 2, List.of(
                    v("Hybride 218", "HYBRIDE", 160, 10, 2019, 2025))),
            new Model("Fiat", "500", "M1", List.of("ZFA"), "31200", 4, List.of(
                    v("1.2 69", "ESSENCE", 51, 4, 2008, 2020), v("1.0 Hybrid 70", "HYBRIDE", 51, 4, 2020, 2024),
                    v("500e 118", "ELECTRIQUE", 87, 1, 2021, 2025))),
            new Model("Fiat", "Panda", "M1", List.of("ZFA"), "31200", 3, List.of(
                    v("1.2 69", "ESSENCE", 51, 4, 2008, 2020), v("1.0 Hybrid 70", "HYBRIDE", 51, 4, 2020, 2025))),
            new Model("Skoda", "Octavia", "M1", List.of("TMB"), "JG7NE", 2, List.of(
                    v("2.0 TDI 150", "DIESEL", 110, 8, 2013, 2025), v("1.5 TSI 150", "ESSENCE", 110, 8, 2019, 2025))),
            new Model("Skoda", "Fabia", "M1", List.of("TMB"), "EG6NJ", 2, List.of(
                    v("1.0 TSI 95", "ESSENCE", 70, 5, 2015, 2025))),
            new Model("Seat", "Ibiza", "M1", List.of("VSS"), "ZZZKJ", 3, List.of(
                    v("1.0 TSI 95", "ESSENCE", 70, 5, 2017, 2025), v("1.0 TGI 90", "GPL", 66, 5, 2018, 2021))),
            new Model("Seat", "Leon", "M1", List.of("VSS"), "ZZZKL", 2, List.of(
                    v("1.5 TSI 130", "ESSENCE", 96, 7, 2020, 2025), v("2.0 TDI 150", "DIESEL", 110, 8, 2013, 2025))),
            new Model("Ford", "Fiesta", "M1", List.of("WF0"), "XXGAJ", 4, List.of(
                    v("1.25 82", "ESSENCE", 60, 5, 2008, 2017), v("1.0 EcoBoost 100", "ESSENCE", 74, 5, 2013, 2023))),
            new Model("Ford", "Focus", "M1", List.of("WF0"), "XXGCH", 3, List.of(
                    v("1.5 EcoBlue 120", "DIESEL", 88, 6, 2018, 2025), v("1.6 TDCi 115", "DIESEL", 85, 6, 2011, 2018))),
            new Model("Ford", "Transit Custom", "N1", List.of("WF0"), "YXXTT", 2, List.of(
                    v("2.0 EcoBlue 130", "DIESEL", 96, 8, 2016, 2025))),
            new Model("Opel", "Corsa", "M1", List.of("W0L"), "0XEP6", 4, List.of(
                    v("1.2 70", "ESSENCE", 51, 4, 2008, 2019), v("1.2 Turbo 100", "ESSENCE", 74, 5, 2020, 2025),
                    v("Corsa-e 136", "ELECTRIQUE", 100, 1, 2020, 2025))),
            new Model("Opel", "Astra", "M1", List.of("W0L"), "BD8ES", 2, List.of(
                    v("1.6 CDTI 110", "DIESEL", 81, 6, 2015, 2021), v("1.2 Turbo 130", "ESSENCE", 96, 7, 2022, 2025))),
            new Model("Tesla", "Model 3", "M1", List.of("LRW"), "3E7EA", 2, List.of(
                    v("Propulsion", "ELECTRIQUE", 208, 3, 2021, 2025), v("Grande Autonomie", "ELECTRIQUE", 366, 4, 2021, 2025))),
            new Model("Tesla", "Model Y", "M1", List.of("LRW"), "YGCEK", 2, List.of(
                    v("Propulsion", "ELECTRIQUE", 220, 3, 2022, 2025))));

    static final List<String> COLOURS = List.of("Blanc", "Blanc", "Gris", "Gris", "Gris foncé", "Noir", "Noir",
            "Bleu", "Bleu foncé", "Rouge", "Argent", "Argent", "Vert", "Beige", "Orange", "Jaune", "Marron");
}
