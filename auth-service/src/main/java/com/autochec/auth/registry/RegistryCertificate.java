package com.autochec.auth.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * auth-service's projection of a registration certificate (carte grise; collection
 * {@code registry_certificates}), from the REGISTRATION documents of the compacted
 * {@code autochec.document.state} topic: its number ({@code reference}, folded by
 * {@link Registry#foldCertificateNumber(String)}), the VIN it belongs to and whether an admin validated it.
 */
@Document(RegistryCertificate.COLLECTION)
record RegistryCertificate(@Id String documentId, String vin, String number, String status, long version) {

    static final String COLLECTION = "registry_certificates";
}
