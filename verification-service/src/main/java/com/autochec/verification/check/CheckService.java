package com.autochec.verification.check;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import com.autochec.contracts.plate.Plate;
import com.autochec.verification.check.CheckDocument.Candidate;
import com.autochec.verification.check.CheckDocument.CheckedDocument;
import com.autochec.verification.check.CheckDocument.CheckedVehicle;
import com.autochec.verification.check.CheckDocument.Outbox;
import com.autochec.verification.check.CheckDocument.Owner;
import com.autochec.verification.check.CheckDocument.Photo;
import com.autochec.verification.check.CheckDocument.Reading;
import com.autochec.verification.check.CheckDocument.Requester;
import com.autochec.verification.config.VerificationProperties;
import com.autochec.verification.readmodel.DocumentRecord;
import com.autochec.verification.readmodel.PlateRecord;
import com.autochec.verification.readmodel.ReadModel;
import com.autochec.verification.readmodel.VehicleRecord;
import com.autochec.verification.rules.CheckRules;
import com.autochec.verification.rules.DocumentFacts;
import com.autochec.verification.rules.Reason;
import com.autochec.verification.rules.Severity;
import com.autochec.verification.rules.Verdict;
import com.autochec.verification.rules.VehicleFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The check lifecycle: typed checks at once, photo checks from PENDING to COMPLETED on a plate reading. */
@Service
public class CheckService {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNREADABLE = "UNREADABLE";
    /** Reason code of a well-formed plate with no French format: it cannot be in the French registry. */
    public static final String PLATE_NOT_REGISTERED = "PLATE_NOT_REGISTERED";
    /** Reason code of a photo check whose plate reading did not arrive before its deadline. */
    public static final String READING_TIMEOUT = "READING_TIMEOUT";

    private static final Logger log = LoggerFactory.getLogger(CheckService.class);

    private final ReadModel readModel;
    private final CheckRepository checks;
    private final OutboxRelays relays;
    private final CompletedCheckOutbox outbox;
    private final Clock clock;
    private final VerificationProperties properties;

    CheckService(
            ReadModel readModel,
            CheckRepository checks,
            OutboxRelays relays,
            CompletedCheckOutbox outbox,
            Clock clock,
            VerificationProperties properties) {
        this.readModel = readModel;
        this.checks = checks;
        this.relays = relays;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Checks a plate now. An unknown French plate is recorded and published too (verdict NOT_FOUND,
     * reason VEHICLE_NOT_FOUND), then answered with a 404 problem. A well-formed plate of no French format
     * is recorded, published and answered as a completed check: verdict NOT_FOUND, reason
     * PLATE_NOT_REGISTERED.
     */
    public CheckResponse typedCheck(Plate typed, String purpose, Caller caller) {
        Instant requestedAt = clock.instant();
        String id = UUID.randomUUID().toString();
        String plate = typed.value();
        if (!typed.isFrench()) {
            CheckDocument check = notRegistered(
                    id, CheckSource.TYPED, typed, purpose, Requester.of(caller), null, null, requestedAt);
            checks.insert(check);
            relays.kick(outbox);
            return CheckViews.render(check);
        }
        Optional<PlateRecord> vehicle = readModel.byPlate(plate);
        CheckDocument check = vehicle.map(v -> evaluated(
                        id, CheckSource.TYPED, plate, purpose, Requester.of(caller), v, null, null, requestedAt))
                .orElseGet(() -> notFound(
                        id, CheckSource.TYPED, plate, purpose, Requester.of(caller), null, null, requestedAt));
        checks.insert(check);
        relays.kick(outbox);
        if (vehicle.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.NOT_FOUND,
                    "No vehicle is registered with plate " + plate + ".",
                    Map.of("checkId", id, "plate", plate));
        }
        return CheckViews.render(check);
    }

    /** The check if this caller may see it: its requester, an admin, or anyone for anonymous checks. */
    public Optional<CheckResponse> find(String id, Caller caller) {
        return checks.findById(id).filter(check -> mayRead(check, caller)).map(CheckViews::render);
    }

    static boolean mayRead(CheckDocument check, Caller caller) {
        String requester = check.requester() == null ? null : check.requester().subject();
        return requester == null || caller.role() == Role.ADMIN || requester.equals(caller.subject());
    }

    /** Records a photo check as PENDING (its image still to publish) and returns its id. */
    public CheckResponse startPhotoCheck(String id, Caller caller, String purpose, String contentType, long size) {
        Instant now = clock.instant();
        CheckDocument check = new CheckDocument(
                id,
                CheckStatus.PENDING,
                CheckSource.PHOTO,
                null,
                purpose,
                Requester.of(caller),
                null,
                null,
                null,
                null,
                null,
                new Photo(contentType, size),
                false,
                new Outbox(UUID.randomUUID().toString(), false),
                now,
                null,
                now.plus(properties.readingDeadline()));
        checks.insert(check);
        return CheckViews.render(check);
    }

    /** The plate image of this check reached the broker. */
    public void imagePublished(String checkId) {
        checks.markImagePublished(checkId);
    }

    /** Pending photo checks whose image has not reached the broker, requested before {@code before}. */
    public List<String> checksAwaitingImage(Instant before, int limit) {
        return checks.unpublishedImages(before, limit).stream().map(CheckDocument::id).toList();
    }

    /**
     * Completes a pending photo check from its plate reading: the first French candidate that is a known
     * vehicle wins, else the best well-formed candidate gives NOT_FOUND — reason VEHICLE_NOT_FOUND for a
     * French plate, PLATE_NOT_REGISTERED for a plate of no French format (a foreign plate read correctly
     * is not "unreadable"); only a reading without any well-formed plate gives UNREADABLE. A reading for
     * a check that is already completed (a redelivery, or a reading after the deadline) changes nothing.
     */
    public void completeFromReading(PlateRead read) {
        Optional<CheckDocument> found = checks.findById(read.requestId());
        if (found.isEmpty()) {
            log.warn("PlateRead {} for unknown check {}", read.eventId(), read.requestId());
            return;
        }
        CheckDocument pending = found.get();
        if (pending.status() != CheckStatus.PENDING) {
            log.debug("PlateRead {} for check {} already completed: ignored", read.eventId(), pending.id());
            return;
        }
        CheckDocument completed = resolve(pending, read);
        if (checks.complete(completed)) {
            relays.kick(outbox);
        }
    }

    private CheckDocument resolve(CheckDocument pending, PlateRead read) {
        List<PlateRead.PlateCandidate> raw = read.candidates() == null ? List.of() : read.candidates();
        List<Candidate> candidates = raw.stream()
                .filter(c -> c != null && c.text() != null)
                .map(c -> new Candidate(
                        Plate.tryParse(c.text()).map(Plate::value).orElse(c.text()), c.confidence()))
                .toList();
        String engine = read.engine();
        if (!read.success() || candidates.isEmpty()) {
            String why = read.failureReason() == null ? "NO_CANDIDATE" : read.failureReason();
            return unreadable(pending, new Reading(null, 0, engine, candidates), why);
        }
        Map<Plate, Candidate> plates = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Plate.tryParse(c.text()).ifPresent(plate -> plates.putIfAbsent(plate, c));
        }
        if (plates.isEmpty()) {
            Candidate best = candidates.get(0);
            return unreadable(
                    pending, new Reading(best.text(), best.confidence(), engine, candidates), "NO_VALID_PLATE");
        }
        Set<String> french = plates.keySet().stream()
                .filter(Plate::isFrench)
                .map(Plate::value)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, PlateRecord> known = french.isEmpty()
                ? Map.of()
                : readModel.byPlates(french).stream()
                        .collect(Collectors.toMap(PlateRecord::plate, Function.identity(), (a, b) -> a));
        for (Map.Entry<Plate, Candidate> entry : plates.entrySet()) {
            PlateRecord vehicle = known.get(entry.getKey().value());
            if (vehicle != null) {
                Reading reading =
                        new Reading(entry.getKey().value(), entry.getValue().confidence(), engine, candidates);
                return evaluated(
                        pending.id(),
                        CheckSource.PHOTO,
                        entry.getKey().value(),
                        pending.purpose(),
                        pending.requester(),
                        vehicle,
                        reading,
                        pending.photo(),
                        pending.requestedAt());
            }
        }
        Map.Entry<Plate, Candidate> best = plates.entrySet().iterator().next();
        Reading reading = new Reading(best.getKey().value(), best.getValue().confidence(), engine, candidates);
        if (!best.getKey().isFrench()) {
            return notRegistered(
                    pending.id(),
                    CheckSource.PHOTO,
                    best.getKey(),
                    pending.purpose(),
                    pending.requester(),
                    reading,
                    pending.photo(),
                    pending.requestedAt());
        }
        return notFound(
                pending.id(),
                CheckSource.PHOTO,
                best.getKey().value(),
                pending.purpose(),
                pending.requester(),
                reading,
                pending.photo(),
                pending.requestedAt());
    }

    private CheckDocument evaluated(
            String id,
            CheckSource source,
            String plate,
            String purpose,
            Requester requester,
            PlateRecord read,
            Reading reading,
            Photo photo,
            Instant requestedAt) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        VehicleRecord vehicle = read.vehicle();
        List<DocumentRecord> documents = read.documents();
        List<DocumentFacts> facts = documents.stream().map(CheckService::facts).toList();
        Verdict verdict = CheckRules.evaluate(
                new VehicleFacts(vehicle.plate(), vehicle.firstRegistration(), vehicle.stolen()), facts, today);
        List<CheckedDocument> checked = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            checked.add(checked(documents.get(i), facts.get(i).validOn(today)));
        }
        return new CheckDocument(
                id,
                CheckStatus.COMPLETED,
                source,
                plate,
                purpose,
                requester,
                verdict.severity().name(),
                verdict.reasons(),
                checked(vehicle),
                checked,
                reading,
                photo,
                source == CheckSource.PHOTO,
                new Outbox(UUID.randomUUID().toString(), false),
                requestedAt,
                clock.instant(),
                null);
    }

    private CheckDocument notFound(
            String id,
            CheckSource source,
            String plate,
            String purpose,
            Requester requester,
            Reading reading,
            Photo photo,
            Instant requestedAt) {
        Reason reason = new Reason(
                "VEHICLE_NOT_FOUND", Severity.FAIL, "No vehicle is registered with plate " + plate + ".");
        return withoutVehicle(id, source, plate, purpose, requester, reading, photo, requestedAt, reason);
    }

    /** A well-formed plate of no French format: completed as NOT_FOUND, reason PLATE_NOT_REGISTERED. */
    private CheckDocument notRegistered(
            String id,
            CheckSource source,
            Plate plate,
            String purpose,
            Requester requester,
            Reading reading,
            Photo photo,
            Instant requestedAt) {
        Reason reason = new Reason(
                PLATE_NOT_REGISTERED,
                Severity.FAIL,
                "Plate " + plate.value() + " has no French format (" + plate.kind().name()
                        + "): it is not in the French registry.");
        return withoutVehicle(id, source, plate.value(), purpose, requester, reading, photo, requestedAt, reason);
    }

    /** A check completed as NOT_FOUND, with no vehicle, for the one reason given. */
    private CheckDocument withoutVehicle(
            String id,
            CheckSource source,
            String plate,
            String purpose,
            Requester requester,
            Reading reading,
            Photo photo,
            Instant requestedAt,
            Reason reason) {
        return new CheckDocument(
                id,
                CheckStatus.COMPLETED,
                source,
                plate,
                purpose,
                requester,
                NOT_FOUND,
                List.of(reason),
                null,
                null,
                reading,
                photo,
                source == CheckSource.PHOTO,
                new Outbox(UUID.randomUUID().toString(), false),
                requestedAt,
                clock.instant(),
                null);
    }

    /**
     * Completes the pending photo checks whose reading deadline has passed (oldest first, at most
     * {@code limit}) as UNREADABLE with reason READING_TIMEOUT, published like any completed check. A
     * reading that arrives later finds the check completed and is ignored. Returns how many were completed.
     */
    public int timeOutOverdueReadings(int limit) {
        int completed = 0;
        for (CheckDocument pending : checks.overdue(clock.instant(), limit)) {
            if (checks.complete(timedOut(pending))) {
                completed++;
                log.info("Photo check {} timed out waiting for its plate reading", pending.id());
            }
        }
        if (completed > 0) {
            relays.kick(outbox);
        }
        return completed;
    }

    private CheckDocument timedOut(CheckDocument pending) {
        long seconds = properties.readingDeadline().toSeconds();
        Reason reason = new Reason(
                READING_TIMEOUT,
                Severity.FAIL,
                "The plate could not be read from the photo within " + seconds
                        + " seconds. Please type the plate to check it.",
                "La plaque n'a pas pu être lue sur la photo en moins de " + seconds
                        + " secondes. Saisissez la plaque pour la vérifier.");
        return new CheckDocument(
                pending.id(),
                CheckStatus.COMPLETED,
                CheckSource.PHOTO,
                null,
                pending.purpose(),
                pending.requester(),
                UNREADABLE,
                List.of(reason),
                null,
                null,
                null,
                pending.photo(),
                true,
                new Outbox(UUID.randomUUID().toString(), false),
                pending.requestedAt(),
                clock.instant(),
                null);
    }

    private CheckDocument unreadable(CheckDocument pending, Reading reading, String why) {
        Reason reason = new Reason(
                "PLATE_UNREADABLE", Severity.FAIL, "The plate could not be read from the photo (" + why + ").");
        return new CheckDocument(
                pending.id(),
                CheckStatus.COMPLETED,
                CheckSource.PHOTO,
                null,
                pending.purpose(),
                pending.requester(),
                UNREADABLE,
                List.of(reason),
                null,
                null,
                reading,
                pending.photo(),
                true,
                new Outbox(UUID.randomUUID().toString(), false),
                pending.requestedAt(),
                clock.instant(),
                null);
    }

    static DocumentFacts facts(DocumentRecord d) {
        return new DocumentFacts(d.type(), d.status(), d.plate(), d.validFrom(), d.validUntil(), d.result());
    }

    private static CheckedDocument checked(DocumentRecord d, boolean valid) {
        return new CheckedDocument(
                d.documentId(),
                d.type() == null ? null : d.type().name(),
                d.status() == null ? null : d.status().name(),
                valid,
                d.validFrom(),
                d.validUntil(),
                d.issuer(),
                d.reference(),
                d.result());
    }

    private static CheckedVehicle checked(VehicleRecord v) {
        var o = v.owner();
        Owner owner = o == null
                ? null
                : new Owner(o.ownerId(), o.kind(), o.name(), o.street(), o.postalCode(), o.town(), o.email(), o.accountId());
        return new CheckedVehicle(
                v.vehicleId(),
                v.plate(),
                v.vin(),
                v.make(),
                v.model(),
                v.variant(),
                v.year(),
                v.colour(),
                v.category(),
                v.fuel(),
                v.fiscalPower(),
                v.powerKw(),
                v.firstRegistration(),
                v.stolen(),
                owner);
    }
}
