package com.autochec.document.document;

/**
 * Published (as a Spring application event) after a document was created or changed; {@code documentId} null
 * means "many documents" (an import). The expiry scan listens to it.
 */
public record DocumentChanged(String documentId) {}
