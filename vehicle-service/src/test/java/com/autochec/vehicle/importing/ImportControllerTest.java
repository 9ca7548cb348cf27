package com.autochec.vehicle.importing;

import static com.autochec.vehicle.config.Jwts.admin;
import static com.autochec.vehicle.config.Jwts.agent;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.vehicle.config.SecurityConfig;
import com.autochec.vehicle.config.VehicleConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = ImportController.class, properties = "autochec.vehicle.import-max-size=1KB")
@Import({VehicleConfig.class, SecurityConfig.class, CsvImportBodyLimit.class})
class ImportControllerTest {

    static final String CSV = "plate,vin,make,model,year\nAB-123-CD,VF1RFB00X56789012,Renault,Clio,2019\n";
    static final ImportReport REPORT = new ImportReport(1, 2, 3, List.of(new RowError(7, "vin: VIN is required")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    VehicleImporter importer;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void adminImportsACsvBody() throws Exception {
        given(importer.importCsv(CSV)).willReturn(REPORT);
        mvc.perform(post("/api/vehicles/import").with(admin()).contentType("text/csv").content(CSV))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"created":1,"updated":2,"unchanged":3,"errors":[{"line":7,"message":"vin: VIN is required"}]}""",
                        org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void adminImportsAMultipartFile() throws Exception {
        given(importer.importCsv(CSV)).willReturn(REPORT);
        mvc.perform(multipart("/api/vehicles/import")
                        .file(new MockMultipartFile("file", "vehicles.csv", "text/csv", CSV.getBytes()))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        verify(importer).importCsv(CSV);
    }

    @Test
    void onlyAdminsImport() throws Exception {
        mvc.perform(post("/api/vehicles/import").with(agent()).contentType("text/csv").content(CSV))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/vehicles/import").contentType("text/csv").content(CSV))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        verifyNoInteractions(importer);
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() throws Exception {
        String big = CSV + "x".repeat(2048);
        mvc.perform(post("/api/vehicles/import").with(admin()).contentType("text/csv").content(big))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/payload-too-large"));
        mvc.perform(multipart("/api/vehicles/import")
                        .file(new MockMultipartFile("file", "vehicles.csv", "text/csv", big.getBytes()))
                        .with(admin()))
                .andExpect(status().isContentTooLarge());
        verifyNoInteractions(importer);
    }

    @Test
    void aFileThatCannotBeImportedIsA400Problem() throws Exception {
        given(importer.importCsv(anyString())).willThrow(new CsvFileException("header", "missing column 'vin'"));
        mvc.perform(post("/api/vehicles/import").with(admin()).contentType("text/csv").content("plate\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("header"))
                .andExpect(jsonPath("$.errors[0].message").value("missing column 'vin'"));
    }

    @Test
    void aFileThatIsNotUtf8IsA400Problem() throws Exception {
        mvc.perform(post("/api/vehicles/import")
                        .with(admin())
                        .contentType("text/csv")
                        .content(new byte[] {'a', (byte) 0xC3, (byte) 0x28, '\n'}))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        verifyNoInteractions(importer);
    }

    @Test
    void otherContentTypesAreA415Problem() throws Exception {
        mvc.perform(post("/api/vehicles/import").with(admin()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unsupported-media-type"));
    }
}
