package com.autochec.ocr.image;

/** Stable codes of a failed reading, published as {@code failureReason}. */
public enum FailureReason {
    /** Empty record, or bytes that are no supported image format (e.g. a PDF renamed .jpg). */
    NOT_AN_IMAGE,
    /** A known image format whose content cannot be decoded (corrupt or truncated). */
    UNDECODABLE_IMAGE,
    /** The record is larger than the byte limit, or the header declares more pixels than allowed. */
    IMAGE_TOO_LARGE,
    /** The image was read but holds no plate-like text. */
    NO_PLATE_FOUND,
    /** The VIN photo was read but holds no 17-character VIN the VIN grammar accepts. */
    NO_VIN_FOUND,
    /** The document was read but no field could be extracted. */
    NO_TEXT_FOUND,
    /** The document type header is missing or unknown. */
    UNSUPPORTED_DOCUMENT_TYPE,
    /** The reading took longer than the per-image time limit. */
    TIMEOUT,
    /** The engine failed unexpectedly on this image. */
    ENGINE_ERROR
}
