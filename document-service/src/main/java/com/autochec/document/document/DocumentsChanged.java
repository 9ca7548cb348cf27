package com.autochec.document.document;

/** Application event: documents were written with a pending outbox entry (the relay should run). */
public record DocumentsChanged(int count) {}
