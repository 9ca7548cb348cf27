package com.autochec.vehicle.registry;

import com.autochec.contracts.plate.Plate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Fuzzy plate lookup for agents and admins: the registered plates a typed or misread plate may stand for,
 * ranked. Every lookup is by key on the plate index ({@link VehicleStore#findByPlates}), never a scan:
 *
 * <ol>
 *   <li>the plate itself and its {@link Plate#confusableVariants() confusable variants} (O/0, I/1, B/8,
 *       S/5, Z/2, Q/0, G/6 by position), in one {@code $in} query;
 *   <li>when fewer than {@value #MAX_RESULTS} were found, its {@link PlateNeighbours#substitutions
 *       one-substitution neighbours}, in {@code $in} batches of at most {@value #BATCH} plates.
 * </ol>
 *
 * <p>Scores: {@code EXACT} 1.0; {@code CONFUSABLE} 0.9 when one character was confused, 0.05 less for each
 * further one, never below 0.6; {@code ONE_EDIT} 0.5. Results are ordered by match, then score, then plate.
 */
@Service
class PlateSearch {

    static final int MAX_RESULTS = 10;
    static final int BATCH = 200;

    enum Match {
        EXACT,
        CONFUSABLE,
        ONE_EDIT
    }

    /** A registered vehicle the input may stand for; no person data. */
    record Candidate(String plate, String make, String model, String colour, Match match, double score) {}

    private static final Comparator<Candidate> RANK = Comparator.comparing(Candidate::match)
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
            .thenComparing(Candidate::plate);

    private final VehicleStore store;

    PlateSearch(VehicleStore store) {
        this.store = store;
    }

    List<Candidate> search(Plate input) {
        Set<Plate> variants = input.confusableVariants();
        List<String> close = new ArrayList<>(variants.size() + 1);
        close.add(input.value());
        variants.forEach(v -> close.add(v.value()));
        Map<String, VehicleDocument> found = byPlate(store.findByPlates(close));

        List<Candidate> out = new ArrayList<>();
        VehicleDocument exact = found.get(input.value());
        if (exact != null) {
            out.add(candidate(exact, Match.EXACT, 1.0));
        }
        List<Candidate> confusable = new ArrayList<>();
        for (Plate variant : variants) {
            VehicleDocument v = found.get(variant.value());
            if (v != null) {
                confusable.add(candidate(v, Match.CONFUSABLE, confusableScore(input, variant)));
            }
        }
        confusable.sort(RANK);
        out.addAll(confusable);
        if (out.size() >= MAX_RESULTS) {
            return out.subList(0, MAX_RESULTS);
        }

        Set<String> known = new LinkedHashSet<>(close);
        List<String> neighbours = PlateNeighbours.substitutions(input).stream()
                .map(Plate::value)
                .filter(p -> !known.contains(p))
                .toList();
        List<Candidate> oneEdit = new ArrayList<>();
        for (int from = 0; from < neighbours.size(); from += BATCH) {
            List<String> batch = neighbours.subList(from, Math.min(neighbours.size(), from + BATCH));
            for (VehicleDocument v : store.findByPlates(batch)) {
                oneEdit.add(candidate(v, Match.ONE_EDIT, 0.5));
            }
        }
        oneEdit.sort(RANK);
        out.addAll(oneEdit);
        return out.size() > MAX_RESULTS ? out.subList(0, MAX_RESULTS) : out;
    }

    /** 0.9 for one confused character, 0.05 less for each further one, at least 0.6. */
    static double confusableScore(Plate input, Plate variant) {
        String a = input.compact();
        String b = variant.compact();
        int changed = 0;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                changed++;
            }
        }
        return Math.max(0.6, Math.round((0.9 - 0.05 * Math.max(0, changed - 1)) * 100) / 100.0);
    }

    private static Map<String, VehicleDocument> byPlate(List<VehicleDocument> vehicles) {
        Map<String, VehicleDocument> out = new HashMap<>();
        vehicles.forEach(v -> out.put(v.plate(), v));
        return out;
    }

    private static Candidate candidate(VehicleDocument v, Match match, double score) {
        return new Candidate(v.plate(), v.make(), v.model(), v.colour(), match, score);
    }
}
