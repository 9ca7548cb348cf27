package com.autochec.document.importing;

import static com.autochec.document.web.TestJwts.admin;
import static com.autochec.document.web.TestJwts.agent;
import static com.autochec.document.web.TestJwts.owner;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.document.config.DocumentProperties;
import com.autochec.document.config.SecurityConfig;
import com.autochec.platform.security.Caller;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ImportController.class)
@Import(SecurityConfig.class)
@EnableConfigurationProperties(DocumentProperties.class)
class ImportControllerTest {

    static final String CSV = "document_id,vin,plate,type,issuer,reference,valid_from,valid_until,result,status\n";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DocumentImporter importer;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void adminImportsCsvBody() throws Exception {
        given(importer.importCsv(eq(CSV), any(Caller.class)))
                .willReturn(new ImportReport(2, 1, 0, List.of(new ImportReport.RowError(3, "vin is required"))));
        mvc.perform(post("/api/documents/import").with(admin()).contentType("text/csv").content(CSV))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].message").value("vin is required"));
    }

    @Test
    void adminImportsMultipartFile() throws Exception {
        given(importer.importCsv(eq(CSV), any(Caller.class))).willReturn(new ImportReport(0, 0, 0, List.of()));
        mvc.perform(multipart("/api/documents/import")
                        .file(new MockMultipartFile("file", "documents.csv", "text/csv", CSV.getBytes()))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void aCsvBodyLargerThanThePlatformJsonLimitIsStillImported() throws Exception {
        String big = CSV + "doc-1,VF1RFB00X12345678,AB-123-CD,INSURANCE,MAIF,POL-1,2025-01-01,2025-12-31,,VALIDATED\n"
                .repeat(2000); // ~180 KB, over the platform's 64 KB default for non-multipart bodies
        given(importer.importCsv(eq(big), any(Caller.class))).willReturn(new ImportReport(0, 0, 2000, List.of()));
        mvc.perform(post("/api/documents/import").with(admin()).contentType("text/csv").content(big))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(2000));
    }

    @Test
    void onlyAdminsImport() throws Exception {
        mvc.perform(post("/api/documents/import").with(agent()).contentType("text/csv").content(CSV))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
        mvc.perform(post("/api/documents/import").with(owner()).contentType("text/csv").content(CSV))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/documents/import").contentType("text/csv").content(CSV))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
    }

    @Test
    void otherMediaTypesAreUnsupported() throws Exception {
        mvc.perform(post("/api/documents/import").with(admin()).contentType("application/json").content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unsupported-media-type"));
    }
}
