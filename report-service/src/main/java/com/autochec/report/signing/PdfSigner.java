package com.autochec.report.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs a PDF with the report-signing key as a PAdES baseline (B-B) signature: an incremental update adding an
 * (invisible) signature field whose value is a detached CAdES signature ({@code /ETSI.CAdES.detached}) over the
 * byte range. Its signed attributes are content-type, message-digest, the ESS signing-certificate-v2 (SHA-256 of
 * the signer's certificate) and the CMS algorithm protection; no signing-time attribute (PAdES puts the time in
 * the signature dictionary's {@code /M}). PDF readers and {@code pdfsig} list it as "ETSI.CAdES.detached".
 */
@Component
public class PdfSigner {

    private static final int SIGNATURE_SIZE = 12_000;

    private final SigningKeys keys;
    private final Clock clock;
    private final byte[] certificateSha256;

    public PdfSigner(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        try {
            this.certificateSha256 = MessageDigest.getInstance("SHA-256").digest(keys.certificate().getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] sign(byte[] pdf, String reason) {
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName("Autochec report-service");
            signature.setLocation("France");
            signature.setReason(reason);
            Calendar signDate = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            signDate.setTimeInMillis(clock.millis());
            signature.setSignDate(signDate);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, options);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 2 + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sign the report", e);
        }
    }

    private byte[] cms(InputStream signedRange) throws IOException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(keys.privateKey());
            Attribute signingCertificate = new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {
                        new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certificateSha256)
                    })));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new PadesSignedAttributes(
                            new AttributeTable(new DERSet(signingCertificate))))
                    .build(contentSigner, keys.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(keys.certificate())));
            return generator
                    .generate(new CMSProcessableByteArray(signedRange.readAllBytes()), false)
                    .getEncoded("DER");
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("Cannot create the CMS signature", e);
        }
    }

    /** The default signed attributes (content type, digest, algorithm protection) without signing-time. */
    private static final class PadesSignedAttributes extends DefaultSignedAttributeTableGenerator {

        PadesSignedAttributes(AttributeTable attributes) {
            super(attributes);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public AttributeTable getAttributes(java.util.Map parameters) {
            return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
        }
    }
}
