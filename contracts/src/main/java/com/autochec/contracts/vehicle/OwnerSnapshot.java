package com.autochec.contracts.vehicle;

/**
 * The current holder of a vehicle, as other services need it. Personal data: consumers must only show it
 * to callers allowed to see it. Who needs what:
 *
 * <ul>
 *   <li>{@code name}, {@code town}, {@code kind}: verification-service, for the agent's view of a check (the
 *       holder's name and town, nothing more) and the {@code CheckCompleted} event that report-service prints
 *       and audit-service records;
 *   <li>{@code accountId} (Keycloak subject of the holder's account, when linked): verification-service (an
 *       owner checking their own vehicle sees it in full), document-service (which account may upload and see
 *       a vehicle's documents and receives its expiry alerts — in-app, by account id, never by e-mail address),
 *       audit-service's "who consulted my vehicle" via the events that carry it;
 *   <li>{@code ownerId}: a stable holder id for read models.
 * </ul>
 *
 * <p>{@code street}, {@code postalCode} and {@code email} are no longer published (always null since the
 * registry issue): no consumer needs the postal address or the e-mail, and the owner and admins read them
 * from vehicle-service itself. They stay as components only so that consumers compiled against the old
 * shape keep compiling; they will be removed once no consumer reads them.
 */
public record OwnerSnapshot(
        String ownerId,
        String kind,
        String name,
        @Deprecated String street,
        @Deprecated String postalCode,
        String town,
        @Deprecated String email,
        String accountId) {

    /** The published shape: no postal address, no e-mail. */
    public OwnerSnapshot(String ownerId, String kind, String name, String town, String accountId) {
        this(ownerId, kind, name, null, null, town, null, accountId);
    }
}
