package com.autochec.document.upload;

import static com.autochec.document.web.TestJwts.agent;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.document.config.DocumentProperties;
import com.autochec.document.config.SecurityConfig;
import com.autochec.document.document.DocumentResponse;
import com.autochec.platform.security.Caller;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(UploadController.class)
@Import(SecurityConfig.class)
@EnableConfigurationProperties(DocumentProperties.class)
class UploadControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DocumentUploads uploads;

    @MockitoBean
    JwtDecoder jwtDecoder;

    static MockMultipartFile image(int size) {
        return new MockMultipartFile("file", "card.jpg", "image/jpeg", ImageTypeTest.JPEG.length >= size
                ? ImageTypeTest.JPEG : new byte[size]);
    }

    @Test
    void agentUploadGetsCreatedDocument() throws Exception {
        given(uploads.upload(any(Caller.class), any(DocumentUploads.Upload.class)))
                .willReturn(new DocumentResponse("doc-9", "VF1RFB00X12345678", "AB-123-CD", DocumentType.INSURANCE,
                        DocumentStatus.PENDING, null, null, null, null, null, "UPLOAD", "agent-1",
                        new DocumentResponse.FileInfo("image/jpeg", 6, "ab"), null, null, 1,
                        Instant.parse("2025-06-01T10:00:00Z"), Instant.parse("2025-06-01T10:00:00Z")));
        mvc.perform(multipart("/api/documents").file(image(6)).param("type", "INSURANCE").param("plate", "AB-123-CD")
                        .with(agent()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/documents/doc-9"))
                .andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void anonymousUploadIsUnauthorized() throws Exception {
        mvc.perform(multipart("/api/documents").file(image(6)).param("type", "INSURANCE"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void missingFileIsAValidationProblemNamingTheField() throws Exception {
        mvc.perform(multipart("/api/documents").param("type", "INSURANCE").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void imageOverTenMegabytesIsPayloadTooLarge() throws Exception {
        mvc.perform(multipart("/api/documents").file(image(10 * 1024 * 1024 + 1)).param("type", "INSURANCE")
                        .with(agent()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/payload-too-large"));
    }
}
