package com.autochec.localstack.demo;

import java.util.List;

/** Names, towns (with a real postal code of each), streets, insurers and inspection networks. */
final class FrenchDirectory {

    record Town(String postalCode, String name, int weight) {
    }

    private FrenchDirectory() {
    }

    static final List<Town> TOWNS = List.of(
            new Town("75009", "Paris", 6), new Town("75011", "Paris", 6), new Town("75015", "Paris", 6),
            new Town("75018", "Paris", 5), new Town("75020", "Paris", 5), new Town("69003", "Lyon", 4),
            new Town("69007", "Lyon", 3), new Town("13001", "Marseille", 3), new Town("13008", "Marseille", 3),
            new Town("31000", "Toulouse", 4), new Town("06000", "Nice", 3), new Town("44000", "Nantes", 3),
            new Town("67000", "Strasbourg", 3), new Town("34000", "Montpellier", 3), new Town("33000", "Bordeaux", 3),
            new Town("59000", "Lille", 3), new Town("35000", "Rennes", 2), new Town("51100", "Reims", 2),
            new Town("76600", "Le Havre", 2), new Town("42000", "Saint-Étienne", 2), new Town("83000", "Toulon", 2),
            new Town("38000", "Grenoble", 2), new Town("21000", "Dijon", 2), new Town("49000", "Angers", 2),
            new Town("30000", "Nîmes", 2), new Town("69100", "Villeurbanne", 2), new Town("63000", "Clermont-Ferrand", 2),
            new Town("72000", "Le Mans", 2), new Town("13090", "Aix-en-Provence", 2), new Town("29200", "Brest", 2),
            new Town("37000", "Tours", 2), new Town("80000", "Amiens", 2), new Town("87000", "Limoges", 1),
            new Town("74000", "Annecy", 1), new Town("66000", "Perpignan", 1), new Town("57000", "Metz", 1),
            new Town("25000", "Besançon", 1), new Town("45000", "Orléans", 1), new Town("76000", "Rouen", 1),
            new Town("14000", "Caen", 1), new Town("54000", "Nancy", 1), new Town("95100", "Argenteuil", 1),
            new Town("93100", "Montreuil", 1), new Town("68100", "Mulhouse", 1), new Town("64000", "Pau", 1),
            new Town("17000", "La Rochelle", 1), new Town("86000", "Poitiers", 1), new Town("84000", "Avignon", 1),
            new Town("29000", "Quimper", 1), new Town("73000", "Chambéry", 1), new Town("26000", "Valence", 1),
            new Town("10000", "Troyes", 1), new Town("64100", "Bayonne", 1), new Town("68000", "Colmar", 1),
            new Town("35400", "Saint-Malo", 1), new Town("56000", "Vannes", 1), new Town("20000", "Ajaccio", 1),
            new Town("92100", "Boulogne-Billancourt", 2), new Town("94000", "Créteil", 1),
            new Town("78000", "Versailles", 1), new Town("93200", "Saint-Denis", 1), new Town("77100", "Meaux", 1),
            new Town("60000", "Beauvais", 1), new Town("62000", "Arras", 1), new Town("24000", "Périgueux", 1),
            new Town("12000", "Rodez", 1), new Town("05000", "Gap", 1), new Town("39000", "Lons-le-Saunier", 1));

    static final List<String> STREETS = List.of("rue de la République", "avenue Jean Jaurès", "rue Victor Hugo",
            "boulevard Gambetta", "place de la Mairie", "rue Pasteur", "rue du Général Leclerc", "allée des Tilleuls",
            "chemin des Vignes", "rue Nationale", "impasse des Lilas", "rue de la Gare", "avenue de la Libération",
            "rue Jules Ferry", "rue des Écoles", "rue de l'Église", "avenue Foch", "rue du Moulin", "rue Voltaire",
            "boulevard de la Liberté", "rue des Roses", "rue Émile Zola", "avenue du Maréchal Joffre",
            "rue Jean Moulin", "rue de Verdun", "quai des Chartrons", "rue des Acacias", "route de Lyon",
            "rue Saint-Michel", "rue de Paris", "rue Louis Pasteur", "avenue des Champs", "rue du Château");

    static final List<String> FIRST_NAMES = List.of("Marie", "Jean", "Pierre", "Michel", "Nathalie", "Isabelle",
            "Philippe", "Sylvie", "Catherine", "Alain", "Nicolas", "Christophe", "Sophie", "Sandrine", "Laurent",
            "Stéphane", "Céline", "Julien", "Aurélie", "Thomas", "Camille", "Léa", "Manon", "Lucas", "Hugo", "Emma",
            "Chloé", "Inès", "Louis", "Gabriel", "Jade", "Arthur", "Louise", "Raphaël", "Élodie", "Mathieu", "Hélène",
            "François", "Valérie", "Patrick", "Anne", "Olivier", "Claire", "Benoît", "Amélie", "Maxime", "Pauline",
            "Antoine", "Margaux", "Yannick", "Gaëlle", "Karim", "Fatima", "Mohamed", "Nadia", "Mehdi", "Sarah");

    static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
            "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
            "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
            "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
            "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin",
            "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont",
            "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly",
            "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard",
            "Schmitt", "Le Gall", "Le Goff", "Caron", "Benali", "Nguyen");

    static final List<String> COMPANY_ACTIVITIES = List.of("Transports", "Garage", "Ambulances", "Taxis",
            "Location", "Plomberie", "Électricité", "Livraisons", "BTP", "Paysages", "Auto-école", "Dépannage");

    static final List<String> COMPANY_FORMS = List.of("SARL", "SAS", "SAS", "SARL", "EURL", "SASU");

    static final List<String> INSURERS = List.of("AXA France", "Allianz IARD", "MAIF", "MACIF", "MAAF", "GMF",
            "Groupama", "Matmut", "Generali France", "MMA", "Direct Assurance", "Pacifica", "Leocare", "Abeille Assurances");

    static final List<String> INSPECTION_NETWORKS = List.of("Dekra", "Autosur", "Sécuritest", "Autovision",
            "Norisko", "Contrôle Technique Indépendant");
}
