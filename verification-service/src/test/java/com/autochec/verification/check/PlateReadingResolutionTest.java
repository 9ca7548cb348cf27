package com.autochec.verification.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.security.Role;
import com.autochec.verification.check.CheckDocument.Outbox;
import com.autochec.verification.check.CheckDocument.Photo;
import com.autochec.verification.check.CheckDocument.Requester;
import com.autochec.verification.config.VerificationProperties;
import com.autochec.verification.fraud.Sightings;
import com.autochec.verification.readmodel.PlateRecord;
import com.autochec.verification.readmodel.ReadModel;
import com.autochec.verification.readmodel.VehicleRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.unit.DataSize;

/** How a plate reading resolves a photo check: completed when clear, NEEDS_CONFIRMATION with ranked options when not. */
class PlateReadingResolutionTest {

    static final String ID = "55555555-5555-4555-8555-555555555555";
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    final ReadModel readModel = mock(ReadModel.class);
    final CheckRepository repository = mock(CheckRepository.class);
    final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    final List<PlateRecord> registry = new ArrayList<>();
    CheckService service;

    @BeforeEach
    void setUp() {
        VerificationProperties properties = new VerificationProperties(ZoneId.of("Europe/Paris"), DataSize.ofMegabytes(10),
                Duration.ofSeconds(10), (short) 1, Duration.ofSeconds(60), Duration.ofDays(31), Duration.ofDays(7),
                Duration.ofDays(31), 200, Duration.ofMinutes(15), 0.7);
        service = new CheckService(readModel, repository, mock(OutboxRelays.class), mock(CompletedCheckOutbox.class),
                mock(FraudSignalOutbox.class),
                Clock.fixed(NOW, ZoneOffset.UTC), properties, mock(Sightings.class), events);
        CheckDocument pending = new CheckDocument(ID, CheckStatus.PENDING, CheckSource.PHOTO, null, null,
                new Requester(null, null, Role.PUBLIC, null), null, null, null, null, null, new Photo("image/jpeg", 10), true,
                new Outbox("evt", false), NOW, null, NOW.plusSeconds(60));
        given(repository.findById(ID)).willReturn(Optional.of(pending));
        given(repository.replaceIfStatus(any(), eq(CheckStatus.PENDING))).willReturn(true);
        given(readModel.byPlates(anyCollection())).willAnswer(inv -> {
            Collection<?> wanted = inv.getArgument(0);
            return registry.stream().filter(p -> wanted.contains(p.plate())).toList();
        });
        register("AB-123-CD", "veh-1");
    }

    void register(String plate, String vehicleId) {
        registry.add(new PlateRecord(plate, 1, new VehicleRecord(vehicleId, 1, plate, "VF1RFB000" + vehicleId.hashCode(),
                "Renault", "Clio", "TCe", 2019, "Blanc", "M1", "ESSENCE", 5, 67, NOW.atZone(ZoneOffset.UTC).toLocalDate().minusYears(2),
                false, null, NOW), List.of(), NOW));
    }

    CheckDocument resolve(PlateRead.PlateCandidate... candidates) {
        service.completeFromReading(new PlateRead("e", NOW, ID, true, null, List.of(candidates), "ppocr", 12));
        ArgumentCaptor<CheckDocument> saved = ArgumentCaptor.forClass(CheckDocument.class);
        verify(repository).replaceIfStatus(saved.capture(), eq(CheckStatus.PENDING));
        return saved.getValue();
    }

    static PlateRead.PlateCandidate read(String text, double confidence) {
        return new PlateRead.PlateCandidate(text, confidence, null);
    }

    @Test
    void aConfidentReadingOfARegisteredPlateCompletes() {
        CheckDocument check = resolve(read("AB123CD", 0.97));
        assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(check.plate()).isEqualTo("AB-123-CD");
        assertThat(check.verdict()).isNotIn("NOT_FOUND", "UNREADABLE");
    }

    @Test
    void aLowConfidenceReadingNeedsConfirmation() {
        CheckDocument check = resolve(read("AB123CD", 0.5));
        assertThat(check.status()).isEqualTo(CheckStatus.NEEDS_CONFIRMATION);
        assertThat(check.options()).first().satisfies(o -> {
            assertThat(o.plate()).isEqualTo("AB-123-CD");
            assertThat(o.registered()).isTrue();
        });
        assertThat(check.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(check.outbox().published()).isFalse();
    }

    @Test
    void anUnregisteredReadingWithAPlausibleRunnerUpNeedsConfirmation() {
        CheckDocument check = resolve(read("AB128CD", 0.91), read("AB123CD", 0.88));
        assertThat(check.status()).isEqualTo(CheckStatus.NEEDS_CONFIRMATION);
        assertThat(check.options()).extracting(CheckDocument.PlateOption::plate).startsWith("AB-123-CD", "AB-128-CD");
    }

    @Test
    void aConfidentRegisteredReadingIsNotDoubtedForAnUnregisteredRunnerUp() {
        CheckDocument check = resolve(read("AB123CD", 0.91), read("AB128CD", 0.88));
        assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(check.plate()).isEqualTo("AB-123-CD");
    }

    @Test
    void candidatesOfDifferentRegisteredVehiclesNeedConfirmation() {
        register("AB-128-CD", "veh-2");
        CheckDocument check = resolve(read("AB123CD", 0.95), read("AB128CD", 0.6));
        assertThat(check.status()).isEqualTo(CheckStatus.NEEDS_CONFIRMATION);
        assertThat(check.options()).filteredOn(CheckDocument.PlateOption::registered).hasSize(2);
    }

    @Test
    void aConfusedReadingOffersTheRegisteredLookAlike() {
        CheckDocument check = resolve(read("ABI23CD", 0.93));
        assertThat(check.status()).isEqualTo(CheckStatus.NEEDS_CONFIRMATION);
        assertThat(check.options()).first().satisfies(o -> {
            assertThat(o.plate()).isEqualTo("AB-123-CD");
            assertThat(o.origin()).isEqualTo("CONFUSABLE");
            assertThat(o.registered()).isTrue();
            assertThat(o.make()).isEqualTo("Renault");
        });
    }

    @Test
    void aOneEditReadingOffersTheRegisteredNeighbour() {
        CheckDocument check = resolve(read("AB123CDD", 0.93));
        assertThat(check.status()).isEqualTo(CheckStatus.NEEDS_CONFIRMATION);
        assertThat(check.options()).anySatisfy(o -> {
            assertThat(o.plate()).isEqualTo("AB-123-CD");
            assertThat(o.origin()).isEqualTo("ONE_EDIT");
        });
    }

    @Test
    void aWellReadForeignPlateCompletesAsNotRegistered() {
        CheckDocument check = resolve(read("M5XSX", 0.96));
        assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(check.verdict()).isEqualTo("NOT_FOUND");
        assertThat(check.reasons()).extracting(r -> r.code()).containsExactly(CheckService.PLATE_NOT_REGISTERED);
    }

    @Test
    void aConfidentUnknownFrenchPlateWithoutRegisteredNeighboursIsNotFound() {
        CheckDocument check = resolve(read("ZZ987YY", 0.97));
        assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(check.verdict()).isEqualTo("NOT_FOUND");
    }

    @Test
    void eachStepIsAnnounced() {
        resolve(read("AB123CD", 0.5));
        verify(events).publishEvent(new CheckProgress(ID, CheckProgress.VERIFYING));
        verify(events).publishEvent(new CheckProgress(ID, CheckProgress.NEEDS_CONFIRMATION));
    }
}
