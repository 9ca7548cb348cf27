package com.autochec.vehicle.importing;

/** The file as a whole cannot be imported (empty, bad header, unreadable): 400, nothing imported. */
class CsvFileException extends RuntimeException {

    private final String field;

    CsvFileException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
