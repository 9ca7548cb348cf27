package com.autochec.report.signing;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.springframework.stereotype.Component;

/** Checks the last signature of a PDF: CMS valid over its byte range, made with our key, covering the whole file. */
@Component
public class PdfSignatureVerifier {

    private final byte[] ourCertificate;

    public PdfSignatureVerifier(SigningKeys keys) {
        try {
            this.ourCertificate = keys.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param signed a signature dictionary is present
     * @param valid the CMS signature verifies over the signed byte range
     * @param byUs the signer certificate is the report-signing certificate of this service
     * @param coversWholeFile nothing was appended after signing
     */
    public record Result(boolean signed, boolean valid, boolean byUs, boolean coversWholeFile) {

        static final Result UNSIGNED = new Result(false, false, false, false);

        /** Valid, by us, and nothing changed since. */
        public boolean trustworthy() {
            return signed && valid && byUs && coversWholeFile;
        }
    }

    /** Thrown when the bytes cannot be parsed as a PDF. */
    public static final class UnreadablePdfException extends RuntimeException {
        public UnreadablePdfException(Throwable cause) {
            super("The file cannot be read as a PDF", cause);
        }
    }

    public Result verify(byte[] pdf) {
        PDSignature signature;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            signature = document.getLastSignatureDictionary();
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePdfException(e);
        }
        if (signature == null) {
            return Result.UNSIGNED;
        }
        int[] range = signature.getByteRange();
        boolean coversWholeFile = range != null && range.length == 4 && range[0] == 0
                && (long) range[2] + range[3] == pdf.length;
        try {
            byte[] contents = signature.getContents(pdf);
            byte[] signedContent = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contents);
            Iterator<SignerInformation> signers = cms.getSignerInfos().getSigners().iterator();
            if (!signers.hasNext()) {
                return new Result(true, false, false, coversWholeFile);
            }
            SignerInformation signer = signers.next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(signer.getSID());
            if (certificates.isEmpty()) {
                return new Result(true, false, false, coversWholeFile);
            }
            X509CertificateHolder certificate = certificates.iterator().next();
            // whose signature it is does not depend on the bytes still matching it: an altered report of ours
            // must read as ours (ALTERED), not as a stranger's (UNKNOWN)
            boolean byUs = Arrays.equals(certificate.getEncoded(), ourCertificate);
            boolean valid;
            try {
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSException digestMismatch) { // e.g. CMSSignerDigestMismatchException: a changed byte
                valid = false;
            }
            return new Result(true, valid, byUs, coversWholeFile);
        } catch (IOException | CMSException | OperatorCreationException | java.security.cert.CertificateException
                | RuntimeException e) {
            return new Result(true, false, false, coversWholeFile);
        }
    }
}
