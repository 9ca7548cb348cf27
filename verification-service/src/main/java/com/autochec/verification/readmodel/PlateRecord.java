package com.autochec.verification.readmodel;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a check needs about one plate, in one document ({@code plates}, {@code _id} = the canonical
 * plate of {@code contracts}' {@code Plate}): the vehicle registered with it, its documents (joined by
 * VIN, ordered by type, end of validity, id) and its owner. A typed check is one read by {@code _id}.
 *
 * <p>Derived by {@link ReadModelProjector} from the {@code vehicles} and {@code documents} projections
 * whenever either changes for this plate. {@code revision} orders the rewrites (each is conditional on
 * the revision it read). A plate no vehicle holds any more keeps a document without vehicle, so that
 * revisions never start over.
 *
 * @param vehicle the vehicle holding the plate, null when none does
 */
@Document(PlateRecord.COLLECTION)
public record PlateRecord(
        @Id String plate, long revision, VehicleRecord vehicle, List<DocumentRecord> documents, Instant updatedAt) {

    static final String COLLECTION = "plates";

    public PlateRecord {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
