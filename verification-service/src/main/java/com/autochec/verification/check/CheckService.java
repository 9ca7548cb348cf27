package com.autochec.verification.check;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.contracts.ocr.VinRead;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import com.autochec.verification.check.CheckDocument.Candidate;
import com.autochec.verification.check.CheckDocument.CheckedDocument;
import com.autochec.verification.check.CheckDocument.CheckedVehicle;
import com.autochec.verification.check.CheckDocument.HeldReading;
import com.autochec.verification.check.CheckDocument.Observed;
import com.autochec.verification.check.CheckDocument.Outbox;
import com.autochec.verification.check.CheckDocument.Owner;
import com.autochec.verification.check.CheckDocument.Photo;
import com.autochec.verification.check.CheckDocument.PlateOption;
import com.autochec.verification.check.CheckDocument.Reading;
import com.autochec.verification.check.CheckDocument.Requester;
import com.autochec.verification.check.CheckDocument.VinPhoto;
import com.autochec.verification.config.VerificationProperties;
import com.autochec.verification.fraud.FraudSignals;
import com.autochec.verification.fraud.Observation;
import com.autochec.verification.fraud.Sightings;
import com.autochec.verification.fraud.VinReading;
import com.autochec.verification.readmodel.DocumentRecord;
import com.autochec.verification.readmodel.PlateRecord;
import com.autochec.verification.readmodel.ReadModel;
import com.autochec.verification.readmodel.VehicleRecord;
import com.autochec.verification.rules.CheckRules;
import com.autochec.verification.rules.DocumentFacts;
import com.autochec.verification.rules.Reason;
import com.autochec.verification.rules.Severity;
import com.autochec.verification.rules.VehicleFacts;
import com.autochec.verification.rules.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The check lifecycle: typed checks at once; photo checks from PENDING to COMPLETED on a plate reading, or
 * to NEEDS_CONFIRMATION when the reading is uncertain, then COMPLETED when the requester confirms a plate.
 */
@Service
public class CheckService {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNREADABLE = "UNREADABLE";
    /** Reason code of a well-formed plate with no French format: it cannot be in the French registry. */
    public static final String PLATE_NOT_REGISTERED = "PLATE_NOT_REGISTERED";
    /** Reason code of a photo check whose plate reading did not arrive before its deadline. */
    public static final String READING_TIMEOUT = "READING_TIMEOUT";
    /** Reason code of an uncertain photo check nobody confirmed before its deadline. */
    public static final String CONFIRMATION_TIMEOUT = "CONFIRMATION_TIMEOUT";
    /** Reason code (INFO) of a photo check whose plate the requester confirmed. */
    public static final String PLATE_CONFIRMED = "PLATE_CONFIRMED";

    /** A second reading this close to the best one (confidence) makes the reading ambiguous. */
    static final double AMBIGUITY_MARGIN = 0.1;
    /** How many plates a NEEDS_CONFIRMATION check offers at most. */
    static final int MAX_OPTIONS = 8;

    private static final Logger log = LoggerFactory.getLogger(CheckService.class);

    private final ReadModel readModel;
    private final CheckRepository checks;
    private final OutboxRelays relays;
    private final CompletedCheckOutbox outbox;
    private final FraudSignalOutbox signalOutbox;
    private final Clock clock;
    private final VerificationProperties properties;
    private final Sightings sightings;
    private final ApplicationEventPublisher events;

    CheckService(
            ReadModel readModel,
            CheckRepository checks,
            OutboxRelays relays,
            CompletedCheckOutbox outbox,
            FraudSignalOutbox signalOutbox,
            Clock clock,
            VerificationProperties properties,
            Sightings sightings,
            ApplicationEventPublisher events) {
        this.readModel = readModel;
        this.checks = checks;
        this.relays = relays;
        this.outbox = outbox;
        this.signalOutbox = signalOutbox;
        this.clock = clock;
        this.properties = properties;
        this.sightings = sightings;
        this.events = events;
    }

    /**
     * What the request states besides the plate: the purpose (a {@code Purpose} code and its text; older
     * stored checks may hold free text), the observation and when it was made on the roadside ({@code
     * capturedAt}, null when the check is sent at once).
     */
    record Context(
            String rawPurpose, String rawPurposeText, Observation observation, VinReading vinPhoto, Instant capturedAt) {

        static Context of(StatedPurpose purpose, Observation observation, Instant capturedAt) {
            return new Context(
                    purpose == null ? null : purpose.codeName(),
                    purpose == null ? null : purpose.text(),
                    observation == null ? Observation.NONE : observation,
                    null,
                    capturedAt);
        }

        Context withObservation(Observation next) {
            return new Context(rawPurpose, rawPurposeText, next, vinPhoto, capturedAt);
        }
    }

    /**
     * Checks a plate now. An unknown French plate is recorded and published too (verdict NOT_FOUND,
     * reason VEHICLE_NOT_FOUND), then answered with a 404 problem. A well-formed plate of no French format
     * is recorded, published and answered as a completed check: verdict NOT_FOUND, reason
     * PLATE_NOT_REGISTERED.
     */
    CheckResponse typedCheck(TypedCheckRequest request, Caller caller) {
        Instant requestedAt = clock.instant();
        Context context = Context.of(
                request.purpose(), request.observation(), CapturedAt.parse(request.capturedAt(), requestedAt));
        String id = UUID.randomUUID().toString();
        Plate typed = request.plate();
        String plate = typed.value();
        Requester requester = Requester.of(caller);
        if (!typed.isFrench()) {
            CheckDocument check = notRegistered(id, CheckSource.TYPED, typed, context, requester, null, null, requestedAt);
            checks.insert(check);
            kickOutboxes(check);
            return CheckViews.render(check);
        }
        Optional<PlateRecord> vehicle = readModel.byPlate(plate);
        CheckDocument check = vehicle.map(v -> evaluated(
                        id, CheckSource.TYPED, plate, context, requester, v, null, null, requestedAt, null))
                .orElseGet(() -> notFound(id, CheckSource.TYPED, plate, context, requester, null, null, requestedAt));
        checks.insert(check);
        kickOutboxes(check);
        if (vehicle.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.NOT_FOUND,
                    "No vehicle is registered with plate " + plate + ".",
                    Map.of("checkId", id, "plate", plate));
        }
        return CheckViews.render(check);
    }

    /** Publishes the completed check's event, and its fraud signals if it raised any, now (off the request thread). */
    private void kickOutboxes(CheckDocument completed) {
        relays.kick(outbox);
        if (Boolean.FALSE.equals(completed.signalsPublished())) {
            relays.kick(signalOutbox);
        }
    }

    /** One page of the caller's own checks, newest first (an authenticated caller; anonymous checks have no owner). */
    MyChecks mine(Caller caller, int page, int size) {
        return MyChecks.of(checks.byRequester(caller.subject(), page, size), page, size);
    }

    /** The check if this caller may see it: its requester, an admin, or anyone for anonymous checks. */
    public Optional<CheckResponse> find(String id, Caller caller) {
        return findDocument(id, caller).map(CheckViews::render);
    }

    Optional<CheckDocument> findDocument(String id, Caller caller) {
        return checks.findById(id).filter(check -> mayRead(check, caller));
    }

    static boolean mayRead(CheckDocument check, Caller caller) {
        String requester = check.requester() == null ? null : check.requester().subject();
        return requester == null || caller.role() == Role.ADMIN || requester.equals(caller.subject());
    }

    /** Records a photo check sent at once as PENDING (its image still to publish) and returns its id. */
    public CheckResponse startPhotoCheck(
            String id,
            Caller caller,
            StatedPurpose purpose,
            Observation observation,
            String contentType,
            long size) {
        return startPhotoCheck(id, caller, purpose, observation, new Image(contentType, size), null, null, null);
    }

    /** An image sent with a check: its detected media type and its size. */
    public record Image(String contentType, long size) {}

    /**
     * The capture time a check states ({@code capturedAt}, ISO-8601), null when none: a 400 problem when it is
     * malformed, in the future or too old ({@link CapturedAt}). Call before storing anything.
     */
    public Instant capturedAt(String raw) {
        return CapturedAt.parse(raw, clock.instant());
    }

    /**
     * Records a check that waits for readings as PENDING (its images still to publish) and returns it: a plate
     * photo ({@code plateImage}) or a typed plate ({@code typedPlate}), and optionally a VIN photo
     * ({@code vinImage}); a check with a VIN photo completes once both the plate and the VIN are known.
     * {@code capturedAt}: when the photo was taken, from {@link #capturedAt(String)} (null when sent at once).
     */
    public CheckResponse startPhotoCheck(
            String id,
            Caller caller,
            StatedPurpose purpose,
            Observation observation,
            Image plateImage,
            Plate typedPlate,
            Image vinImage,
            Instant capturedAt) {
        Instant now = clock.instant();
        Context context = Context.of(purpose, observation, capturedAt);
        CheckDocument check = new CheckDocument(
                id,
                CheckStatus.PENDING,
                plateImage == null ? CheckSource.TYPED : CheckSource.PHOTO,
                typedPlate == null ? null : typedPlate.value(),
                context.rawPurpose(),
                Requester.of(caller),
                null,
                null,
                null,
                null,
                null,
                plateImage == null ? null : new Photo(plateImage.contentType(), plateImage.size()),
                plateImage == null, // no plate image to publish
                new Outbox(UUID.randomUUID().toString(), false),
                now,
                null,
                now.plus(properties.readingDeadline()),
                context.rawPurposeText(),
                Observed.of(context.observation()),
                null,
                null,
                vinImage == null ? null : new VinPhoto(vinImage.contentType(), vinImage.size(), false, null, null),
                context.capturedAt());
        checks.insert(check);
        events.publishEvent(new CheckProgress(id, CheckProgress.RECEIVED));
        return CheckViews.render(check);
    }

    /** The plate image of this check reached the broker. */
    public void imagePublished(String checkId) {
        checks.markImagePublished(checkId);
        events.publishEvent(new CheckProgress(checkId, CheckProgress.READING));
    }

    /** The VIN image of this check reached the broker. */
    public void vinImagePublished(String checkId) {
        checks.markVinImagePublished(checkId);
        events.publishEvent(new CheckProgress(checkId, CheckProgress.READING));
    }

    /** Pending checks whose VIN image has not reached the broker, requested before {@code before}. */
    public List<String> checksAwaitingVinImage(Instant before, int limit) {
        return checks.unpublishedVinImages(before, limit).stream().map(CheckDocument::id).toList();
    }

    /** Pending photo checks whose image has not reached the broker, requested before {@code before}. */
    public List<String> checksAwaitingImage(Instant before, int limit) {
        return checks.unpublishedImages(before, limit).stream().map(CheckDocument::id).toList();
    }

    /**
     * Completes a pending photo check from its plate reading. A confident reading completes it: the first
     * French candidate that is a known vehicle wins, else the best well-formed candidate gives NOT_FOUND —
     * reason VEHICLE_NOT_FOUND for a French plate, PLATE_NOT_REGISTERED for a plate of no French format (a
     * foreign plate read correctly is not "unreadable"); only a reading without any well-formed plate gives
     * UNREADABLE. An uncertain reading — best confidence below {@code min-reading-confidence}, candidates of
     * different registered vehicles, or an unregistered best reading with a close French runner-up or a
     * registered look-alike or one-edit plate — ends NEEDS_CONFIRMATION with ranked options. A reading for a check that is no
     * longer pending (a redelivery, or a reading after the deadline) changes nothing.
     */
    public void completeFromReading(PlateRead read) {
        Optional<CheckDocument> found = checks.findById(read.requestId());
        if (found.isEmpty()) {
            log.warn("PlateRead {} for unknown check {}", read.eventId(), read.requestId());
            return;
        }
        CheckDocument pending = found.get();
        if (pending.status() != CheckStatus.PENDING || pending.source() != CheckSource.PHOTO) {
            log.debug("PlateRead {} for check {} no longer pending: ignored", read.eventId(), pending.id());
            return;
        }
        if (pending.vinPhoto() != null) {
            // both readings are needed: keep this one; whichever arrives second completes the check
            Optional<CheckDocument> held = checks.holdPlateReading(pending.id(), held(read));
            if (held.isEmpty() || held.get().vinPhoto().reading() == null) {
                return;
            }
            pending = held.get();
        }
        completeWithReadings(pending, read);
    }

    /**
     * Records the reading of a pending check's VIN photo; completes the check when its plate is known too (typed,
     * or its plate reading already arrived). A reading for a check that is no longer pending, has no VIN photo or
     * was already read (a redelivery) changes nothing.
     */
    public void completeFromVinReading(VinRead read) {
        Optional<CheckDocument> found = checks.findById(read.requestId());
        if (found.isEmpty() || found.get().status() != CheckStatus.PENDING || found.get().vinPhoto() == null
                || found.get().vinPhoto().reading() != null) {
            log.debug("VinRead {} for check {}: not awaited, ignored", read.eventId(), read.requestId());
            return;
        }
        VinReading reading = new VinReading(read.success() && read.vin() != null, read.vin(), read.confidence(),
                read.checkDigitValid(), read.success() ? null : read.failureReason(), read.engine());
        Optional<CheckDocument> recorded = checks.recordVinReading(read.requestId(), reading);
        if (recorded.isEmpty()) {
            return;
        }
        CheckDocument pending = recorded.get();
        if (pending.source() == CheckSource.TYPED) {
            completeWithReadings(pending, null);
        } else if (pending.vinPhoto().plateRead() != null) {
            completeWithReadings(pending, plateRead(pending.id(), pending.vinPhoto().plateRead()));
        }
    }

    /** Resolves a pending check whose readings are all in ({@code read} null for a typed plate), once. */
    private void completeWithReadings(CheckDocument pending, PlateRead read) {
        events.publishEvent(new CheckProgress(pending.id(), CheckProgress.VERIFYING));
        CheckDocument next = (read == null ? resolveTyped(pending) : resolve(pending, read)).withVinPhotoOf(pending);
        if (checks.replaceIfStatus(next, CheckStatus.PENDING)) {
            if (next.status() == CheckStatus.COMPLETED) {
                kickOutboxes(next);
            }
            events.publishEvent(new CheckProgress(next.id(), CheckViews.stage(next)));
        }
    }

    private static HeldReading held(PlateRead read) {
        List<Candidate> candidates = read.candidates() == null
                ? List.of()
                : read.candidates().stream()
                        .filter(c -> c != null && c.text() != null)
                        .map(c -> new Candidate(c.text(), c.confidence()))
                        .toList();
        return new HeldReading(read.eventId(), read.success(), read.failureReason(), candidates, read.engine(),
                read.colour() == null ? null : read.colour().colour(),
                read.colour() == null ? null : read.colour().confidence());
    }

    private PlateRead plateRead(String checkId, HeldReading held) {
        return new PlateRead(held.eventId(), clock.instant(), checkId, held.success(), held.failureReason(),
                held.candidates().stream().map(c -> new PlateRead.PlateCandidate(c.text(), c.confidence(), null)).toList(),
                held.engine(), 0,
                held.colour() == null ? null : new PlateRead.ColourEstimate(held.colour(), held.colourConfidence()));
    }

    /** A typed plate whose VIN photo was read (or timed out): checked like a typed check, without a 404. */
    private CheckDocument resolveTyped(CheckDocument pending) {
        Context context = context(pending);
        Plate plate = Plate.parse(pending.plate());
        if (!plate.isFrench()) {
            return notRegistered(pending.id(), CheckSource.TYPED, plate, context, pending.requester(), null, null,
                    pending.requestedAt());
        }
        return readModel.byPlate(plate.value())
                .map(v -> evaluated(pending.id(), CheckSource.TYPED, plate.value(), context, pending.requester(), v,
                        null, null, pending.requestedAt(), null))
                .orElseGet(() -> notFound(pending.id(), CheckSource.TYPED, plate.value(), context, pending.requester(),
                        null, null, pending.requestedAt()));
    }

    private CheckDocument resolve(CheckDocument pending, PlateRead read) {
        List<PlateRead.PlateCandidate> raw = read.candidates() == null ? List.of() : read.candidates();
        List<Candidate> candidates = raw.stream()
                .filter(c -> c != null && c.text() != null)
                .map(c -> new Candidate(Plate.tryParse(c.text()).map(Plate::value).orElse(c.text()), c.confidence()))
                .toList();
        String engine = read.engine();
        Context context = context(pending);
        if (read.colour() != null && read.colour().colour() != null) {
            context = context.withObservation(
                    context.observation().withPhotoColour(read.colour().colour(), read.colour().confidence()));
        }
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
            return unreadable(pending, new Reading(best.text(), best.confidence(), engine, candidates), "NO_VALID_PLATE");
        }
        Set<String> french = plates.keySet().stream()
                .filter(Plate::isFrench)
                .map(Plate::value)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, PlateRecord> known = french.isEmpty()
                ? Map.of()
                : readModel.byPlates(french).stream()
                        .collect(Collectors.toMap(PlateRecord::plate, Function.identity(), (a, b) -> a));
        Map.Entry<Plate, Candidate> best = plates.entrySet().iterator().next();
        Reading bestReading = new Reading(best.getKey().value(), best.getValue().confidence(), engine, candidates);
        Optional<List<PlateOption>> uncertain = uncertainty(plates, known);
        if (uncertain.isPresent()) {
            return needsConfirmation(pending, bestReading, uncertain.get(), context);
        }
        for (Map.Entry<Plate, Candidate> entry : plates.entrySet()) {
            PlateRecord vehicle = known.get(entry.getKey().value());
            if (vehicle != null) {
                Reading reading = new Reading(entry.getKey().value(), entry.getValue().confidence(), engine, candidates);
                return evaluated(
                        pending.id(), CheckSource.PHOTO, entry.getKey().value(), context, pending.requester(), vehicle,
                        reading, pending.photo(), pending.requestedAt(), null);
            }
        }
        if (!best.getKey().isFrench()) {
            return notRegistered(pending.id(), CheckSource.PHOTO, best.getKey(), context, pending.requester(),
                    bestReading, pending.photo(), pending.requestedAt());
        }
        return notFound(pending.id(), CheckSource.PHOTO, best.getKey().value(), context, pending.requester(),
                bestReading, pending.photo(), pending.requestedAt());
    }

    /**
     * The ranked options when the reading is uncertain, empty when it is clear enough to complete: the reader's
     * French candidates (and any registered) plus, when they are few or none is registered, the registered
     * look-alike and one-edit plates of the best candidate (one query by {@code _id}).
     */
    private Optional<List<PlateOption>> uncertainty(Map<Plate, Candidate> plates, Map<String, PlateRecord> known) {
        List<Map.Entry<Plate, Candidate>> entries = new ArrayList<>(plates.entrySet());
        Map.Entry<Plate, Candidate> best = entries.get(0);
        double bestConfidence = best.getValue().confidence();
        boolean lowConfidence = bestConfidence < properties.minReadingConfidence();
        boolean ambiguous = entries.size() > 1
                && entries.get(1).getKey().isFrench()
                && entries.get(1).getValue().confidence() >= bestConfidence - AMBIGUITY_MARGIN;
        Set<String> registeredVehicles = new HashSet<>();
        for (Map.Entry<Plate, Candidate> e : entries) {
            PlateRecord record = known.get(e.getKey().value());
            if (record != null && e.getValue().confidence() >= bestConfidence / 2) {
                registeredVehicles.add(record.vehicle().vehicleId());
            }
        }
        boolean differentVehicles = registeredVehicles.size() > 1;
        boolean bestRegistered = known.containsKey(best.getKey().value());
        boolean needFuzzy = !bestRegistered && (known.isEmpty() || lowConfidence || ambiguous);
        Map<String, PlateRecord> fuzzyKnown = Map.of();
        Map<String, String> fuzzy = Map.of();
        if (needFuzzy) {
            fuzzy = PlateOptions.fuzzy(best.getKey().value());
            fuzzy.keySet().removeAll(known.keySet());
            fuzzyKnown = fuzzy.isEmpty()
                    ? Map.of()
                    : readModel.byPlates(fuzzy.keySet()).stream()
                            .collect(Collectors.toMap(PlateRecord::plate, Function.identity(), (a, b) -> a));
        }
        boolean lookAlikeRegistered = known.isEmpty() && !fuzzyKnown.isEmpty();
        // a registered best reading is only doubted when its confidence is low or another vehicle competes
        if (!(lowConfidence || differentVehicles || (!bestRegistered && (ambiguous || lookAlikeRegistered)))) {
            return Optional.empty();
        }
        if (!best.getKey().isFrench() && !lowConfidence && !lookAlikeRegistered && known.isEmpty()) {
            return Optional.empty(); // a foreign plate read well: not registered, not uncertain
        }
        List<PlateOption> options = new ArrayList<>();
        for (Map.Entry<Plate, Candidate> e : entries) {
            options.add(option(e.getKey().value(), e.getValue().confidence(), "READER", known.get(e.getKey().value())));
        }
        for (Map.Entry<String, PlateRecord> e : fuzzyKnown.entrySet()) {
            String origin = fuzzy.get(e.getKey());
            options.add(option(e.getKey(), bestConfidence * PlateOptions.factor(origin), origin, e.getValue()));
        }
        options.sort(Comparator.comparingDouble((PlateOption o) -> o.confidence() * (o.registered() ? 1.0 : 0.5))
                .reversed());
        return Optional.of(List.copyOf(options.subList(0, Math.min(MAX_OPTIONS, options.size()))));
    }

    private static PlateOption option(String plate, double confidence, String origin, PlateRecord record) {
        VehicleRecord v = record == null ? null : record.vehicle();
        return new PlateOption(
                plate,
                Math.round(confidence * 1000) / 1000.0,
                origin,
                v != null,
                v == null ? null : v.make(),
                v == null ? null : v.model(),
                v == null ? null : v.colour());
    }

    private CheckDocument needsConfirmation(
            CheckDocument pending, Reading reading, List<PlateOption> options, Context context) {
        Instant now = clock.instant();
        Reason reason = Reason.of("READING_UNCERTAIN", Severity.WARNING,
                "Lecture de la plaque incertaine : confirmez la plaque parmi les propositions ou saisissez-la.",
                "The plate reading is uncertain: confirm the plate among the options or type it.",
                "read", reading.text(), "confidence", String.format(java.util.Locale.ROOT, "%.2f", reading.confidence()),
                "options", options.size());
        return new CheckDocument(
                pending.id(), CheckStatus.NEEDS_CONFIRMATION, CheckSource.PHOTO, null, pending.purpose(),
                pending.requester(), null, List.of(reason), null, null, reading, pending.photo(), true,
                pending.outbox(), pending.requestedAt(), null, now.plus(properties.confirmationDeadline()),
                pending.purposeText(), Observed.of(context.observation()), options, now, pending.capturedAt());
    }

    /**
     * The requester of a NEEDS_CONFIRMATION check (or an admin; anyone for an anonymous check, as reading it)
     * confirms its plate — one of the options or another one: the check completes like a typed check of that
     * plate and is published (audit, report). 404 when the caller may not see it, 409 when it is not waiting.
     */
    CheckResponse confirm(String id, Plate plate, Caller caller) {
        CheckDocument check = findDocument(id, caller)
                .orElseThrow(() -> ApiProblem.notFound("No such check is visible to you."));
        if (check.status() != CheckStatus.NEEDS_CONFIRMATION) {
            throw ApiProblem.conflict("Cette vérification n'attend pas de confirmation (état " + check.status()
                    + "). This check is not waiting for a confirmation.");
        }
        Context context = context(check);
        Reason confirmed = Reason.of(PLATE_CONFIRMED, Severity.INFO,
                "Plaque " + plate.value() + " confirmée par la personne qui vérifie.",
                "Plate " + plate.value() + " confirmed by the person checking.",
                "read", check.reading() == null ? null : check.reading().text(), "confirmed", plate.value(),
                "offered", check.options() != null && check.options().stream().anyMatch(o -> o.plate().equals(plate.value())));
        CheckDocument completed;
        if (!plate.isFrench()) {
            completed = notRegistered(id, CheckSource.PHOTO, plate, context, check.requester(), check.reading(),
                    check.photo(), check.requestedAt());
        } else {
            Optional<PlateRecord> vehicle = readModel.byPlate(plate.value());
            completed = vehicle.map(v -> evaluated(id, CheckSource.PHOTO, plate.value(), context, check.requester(), v,
                            check.reading(), check.photo(), check.requestedAt(), confirmed))
                    .orElseGet(() -> notFound(id, CheckSource.PHOTO, plate.value(), context, check.requester(),
                            check.reading(), check.photo(), check.requestedAt()));
        }
        completed = withOptions(completed, check.options(), check.readAt()).withVinPhotoOf(check);
        if (!checks.replaceIfStatus(completed, CheckStatus.NEEDS_CONFIRMATION)) {
            throw ApiProblem.conflict("Cette vérification vient d'être confirmée ou a expiré. This check was just "
                    + "confirmed or expired.");
        }
        kickOutboxes(completed);
        events.publishEvent(new CheckProgress(id, CheckViews.stage(completed)));
        return CheckViews.render(completed);
    }

    private static CheckDocument withOptions(CheckDocument c, List<PlateOption> options, Instant readAt) {
        return new CheckDocument(c.id(), c.status(), c.source(), c.plate(), c.purpose(), c.requester(), c.verdict(),
                c.reasons(), c.vehicle(), c.documents(), c.reading(), c.photo(), c.imagePublished(), c.outbox(),
                c.requestedAt(), c.completedAt(), c.deadline(), c.purposeText(), c.observed(), options, readAt,
                c.capturedAt());
    }

    private static Context context(CheckDocument check) {
        Observation observation = check.observed() == null ? Observation.NONE : check.observed().observation();
        return new Context(check.purpose(), check.purposeText(), observation,
                check.vinPhoto() == null ? null : check.vinPhoto().reading(), check.capturedAt());
    }

    private CheckDocument evaluated(
            String id,
            CheckSource source,
            String plate,
            Context context,
            Requester requester,
            PlateRecord read,
            Reading reading,
            Photo photo,
            Instant requestedAt,
            Reason extra) {
        // the documents are judged, and the plate sighted, when the check was made on the roadside
        Instant asOf = context.capturedAt() != null ? context.capturedAt() : clock.instant();
        LocalDate today = LocalDate.ofInstant(asOf, properties.zone());
        VehicleRecord vehicle = read.vehicle();
        List<DocumentRecord> documents = read.documents();
        List<DocumentFacts> facts = documents.stream().map(d -> facts(d, properties)).toList();
        Verdict rules = CheckRules.evaluate(vehicleFacts(vehicle), facts, today);
        List<Reason> reasons = new ArrayList<>(rules.reasons());
        boolean trusted = requester != null && (requester.role() == Role.AGENT || requester.role() == Role.ADMIN);
        reasons.addAll(sightings.signals(
                id,
                plate,
                new FraudSignals.Registered(vehicle.plate(), vehicle.make(), vehicle.colour(), vehicle.vin()),
                context.observation(),
                context.vinPhoto(),
                trusted,
                asOf));
        if (extra != null) {
            reasons.add(0, extra);
        }
        Verdict verdict = Verdict.of(reasons);
        List<CheckedDocument> checked = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            checked.add(checked(documents.get(i), facts.get(i).validOn(today)));
        }
        return new CheckDocument(
                id,
                CheckStatus.COMPLETED,
                source,
                plate,
                context.rawPurpose(),
                requester,
                verdict.outcome(),
                verdict.reasons(),
                checked(vehicle),
                checked,
                reading,
                photo,
                source == CheckSource.PHOTO,
                new Outbox(UUID.randomUUID().toString(), false),
                requestedAt,
                clock.instant(),
                null,
                context.rawPurposeText(),
                Observed.of(context.observation()),
                null,
                null,
                context.capturedAt());
    }

    static VehicleFacts vehicleFacts(VehicleRecord v) {
        return new VehicleFacts(
                v.plate(),
                v.vin(),
                v.category(),
                v.firstRegistration(),
                v.owner() == null ? null : v.owner().kind(),
                new HashSet<>(v.administrativeStatuses().isEmpty() && v.stolen()
                        ? List.of("STOLEN")
                        : v.administrativeStatuses()),
                v.mileageRollback(),
                v.mileage().stream().map(m -> new VehicleFacts.Mileage(m.date(), m.km(), m.rollback())).toList());
    }

    private CheckDocument notFound(
            String id,
            CheckSource source,
            String plate,
            Context context,
            Requester requester,
            Reading reading,
            Photo photo,
            Instant requestedAt) {
        Reason reason = Reason.of("VEHICLE_NOT_FOUND", Severity.FAIL,
                "Aucun véhicule n'est immatriculé sous la plaque " + plate + ".",
                "No vehicle is registered with plate " + plate + ".",
                "plate", plate, "source", "registry");
        return withoutVehicle(id, source, plate, context, requester, reading, photo, requestedAt, reason);
    }

    /** A well-formed plate of no French format: completed as NOT_FOUND, reason PLATE_NOT_REGISTERED. */
    private CheckDocument notRegistered(
            String id,
            CheckSource source,
            Plate plate,
            Context context,
            Requester requester,
            Reading reading,
            Photo photo,
            Instant requestedAt) {
        Reason reason = Reason.of(PLATE_NOT_REGISTERED, Severity.FAIL,
                "La plaque " + plate.value() + " n'a pas de format français (" + plate.kind().name()
                        + ") : elle n'est pas dans le fichier français des immatriculations.",
                "Plate " + plate.value() + " has no French format (" + plate.kind().name()
                        + "): it is not in the French registry.",
                "plate", plate.value(), "kind", plate.kind());
        return withoutVehicle(id, source, plate.value(), context, requester, reading, photo, requestedAt, reason);
    }

    /** A check completed as NOT_FOUND, with no vehicle, for the one reason given. */
    private CheckDocument withoutVehicle(
            String id,
            CheckSource source,
            String plate,
            Context context,
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
                context.rawPurpose(),
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
                null,
                context.rawPurposeText(),
                Observed.of(context.observation()),
                null,
                null,
                context.capturedAt());
    }

    /**
     * Completes the photo checks whose deadline has passed (oldest first, at most {@code limit}): PENDING ones
     * as UNREADABLE with reason READING_TIMEOUT, NEEDS_CONFIRMATION ones with CONFIRMATION_TIMEOUT, published
     * like any completed check. A reading that arrives later finds the check completed and is ignored.
     * Returns how many were completed.
     */
    public int timeOutOverdueReadings(int limit) {
        int completed = 0;
        for (CheckDocument overdue : checks.overdue(clock.instant(), limit)) {
            if (awaitsOnlyItsVin(overdue)) {
                // the plate is known: complete without the VIN photo's reading
                Optional<CheckDocument> recorded = checks.recordVinReading(overdue.id(), VinReading.timedOut());
                if (recorded.isPresent()) {
                    CheckDocument pending = recorded.get();
                    completeWithReadings(pending, pending.source() == CheckSource.TYPED
                            ? null
                            : plateRead(pending.id(), pending.vinPhoto().plateRead()));
                    completed++;
                }
                continue;
            }
            if (checks.replaceIfStatus(timedOut(overdue).withVinPhotoOf(overdue), overdue.status())) {
                completed++;
                log.info("Photo check {} timed out ({})", overdue.id(), overdue.status());
                events.publishEvent(new CheckProgress(overdue.id(), CheckProgress.FAILED));
            }
        }
        if (completed > 0) {
            relays.kick(outbox); // timed-out checks raise no fraud signal
        }
        return completed;
    }

    private static boolean awaitsOnlyItsVin(CheckDocument check) {
        return check.status() == CheckStatus.PENDING
                && check.vinPhoto() != null
                && check.vinPhoto().reading() == null
                && (check.source() == CheckSource.TYPED || check.vinPhoto().plateRead() != null);
    }

    private CheckDocument timedOut(CheckDocument pending) {
        Reason reason;
        if (pending.status() == CheckStatus.NEEDS_CONFIRMATION) {
            reason = Reason.of(CONFIRMATION_TIMEOUT, Severity.FAIL,
                    "La plaque n'a pas été confirmée à temps. Saisissez la plaque pour la vérifier.",
                    "The plate was not confirmed in time. Please type the plate to check it.",
                    "read", pending.reading() == null ? null : pending.reading().text());
        } else {
            long seconds = properties.readingDeadline().toSeconds();
            reason = Reason.of(READING_TIMEOUT, Severity.FAIL,
                    "La plaque n'a pas pu être lue sur la photo en moins de " + seconds
                            + " secondes. Saisissez la plaque pour la vérifier.",
                    "The plate could not be read from the photo within " + seconds
                            + " seconds. Please type the plate to check it.",
                    "deadlineSeconds", seconds);
        }
        return new CheckDocument(
                pending.id(), CheckStatus.COMPLETED, CheckSource.PHOTO, null, pending.purpose(), pending.requester(),
                UNREADABLE, List.of(reason), null, null, pending.reading(), pending.photo(), true,
                new Outbox(UUID.randomUUID().toString(), false), pending.requestedAt(), clock.instant(), null,
                pending.purposeText(), pending.observed(), pending.options(), pending.readAt(), pending.capturedAt());
    }

    private CheckDocument unreadable(CheckDocument pending, Reading reading, String why) {
        Reason reason = Reason.of("PLATE_UNREADABLE", Severity.FAIL,
                "La plaque n'a pas pu être lue sur la photo (" + why + "). Saisissez la plaque pour la vérifier.",
                "The plate could not be read from the photo (" + why + ").",
                "failure", why, "engine", reading.engine());
        return new CheckDocument(
                pending.id(), CheckStatus.COMPLETED, CheckSource.PHOTO, null, pending.purpose(), pending.requester(),
                UNREADABLE, List.of(reason), null, null, reading, pending.photo(), true,
                new Outbox(UUID.randomUUID().toString(), false), pending.requestedAt(), clock.instant(), null,
                pending.purposeText(), pending.observed(), null, clock.instant(), pending.capturedAt());
    }

    static DocumentFacts facts(DocumentRecord d, VerificationProperties properties) {
        return new DocumentFacts(
                d.documentId(), d.type(), d.status(), d.vin(), d.plate(), d.issuer(), d.reference(), d.validFrom(),
                d.validUntil(), d.result(),
                d.updatedAt() == null ? null : LocalDate.ofInstant(d.updatedAt(), properties.zone()));
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
