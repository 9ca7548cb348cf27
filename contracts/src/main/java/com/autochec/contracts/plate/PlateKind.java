package com.autochec.contracts.plate;

/** The format a {@link Plate} was recognised as. Only the French kinds can be in the French registry. */
public enum PlateKind {
    /** SIV, since 2009: {@code AA-123-AA}, kept for the vehicle's life. */
    SIV(true),
    /** SIV temporary plate of the {@code WW} series: {@code WW-123-AA}, limited validity. */
    SIV_TEMPORARY(true),
    /** Garage (trade) plate: {@code W-123-AA}. */
    GARAGE(true),
    /** FNI, before 2009, mainland département 01-95, 2A or 2B: {@code 123-ABC-75}, {@code 1234-AB-2A}. */
    FNI(true),
    /** FNI of an overseas département 971-976: {@code 123-AB-971}. */
    FNI_OVERSEAS(true),
    /** Two to ten letters and digits that fit no French format: a foreign plate ({@code M5XSX}, {@code BMW1234}…). */
    FOREIGN_OR_UNKNOWN(false);

    private final boolean french;

    PlateKind(boolean french) {
        this.french = french;
    }

    public boolean isFrench() {
        return french;
    }
}
