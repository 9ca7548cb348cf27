package com.autochec.verification.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.security.Role;
import com.autochec.verification.check.CheckDocument.Outbox;
import com.autochec.verification.check.CheckDocument.Photo;
import com.autochec.verification.check.CheckDocument.PlateOption;
import com.autochec.verification.check.CheckDocument.Reading;
import com.autochec.verification.check.CheckDocument.Requester;
import com.autochec.verification.config.SecurityConfig;
import com.autochec.verification.config.VerificationProperties;
import com.autochec.verification.fraud.Sightings;
import com.autochec.verification.readmodel.PlateRecord;
import com.autochec.verification.readmodel.ReadModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Server-sent progress of photo checks (real MVC async dispatch) and the confirmation of an uncertain reading.
 */
@WebMvcTest(controllers = CheckController.class)
@EnableConfigurationProperties(VerificationProperties.class)
@Import({SecurityConfig.class, CheckService.class, CheckStreams.class, CheckControllerWebTest.FixedClock.class})
class CheckEventsAndConfirmWebTest {

    static final String ID = "44444444-4444-4444-8444-444444444444";
    static final Instant NOW = CheckControllerWebTest.NOW;
    static final Requester AGENT = new Requester("agent-sub", "agent-user", Role.AGENT, "Police", "POLICE");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @MockitoBean
    ReadModel readModel;

    @MockitoBean
    CheckRepository repository;

    @MockitoBean
    OutboxRelays relay;

    @MockitoBean
    CompletedCheckOutbox outbox;

    @MockitoBean
    FraudSignalOutbox signalOutbox;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    Sightings sightings;

    @BeforeEach
    void readModel() {
        given(readModel.byPlate("AB-123-CD")).willReturn(Optional.of(
                new PlateRecord("AB-123-CD", 1, CheckControllerWebTest.VEHICLE, CheckControllerWebTest.DOCUMENTS, NOW)));
    }

    static CheckDocument photoCheck(CheckStatus status, boolean imagePublished, String verdict, List<PlateOption> options) {
        return new CheckDocument(ID, status, CheckSource.PHOTO, status == CheckStatus.COMPLETED ? "AB-123-CD" : null,
                "ROADSIDE_CONTROL", AGENT, verdict, List.of(), null, null,
                status == CheckStatus.PENDING ? null : new Reading("AB-I23-CD", 0.55, "ppocr", List.of()),
                new Photo("image/jpeg", 1234), imagePublished, new Outbox("evt-1", false), NOW, null,
                NOW.plusSeconds(60), null, null, options, status == CheckStatus.PENDING ? null : NOW);
    }

    static final List<PlateOption> OPTIONS = List.of(
            new PlateOption("AB-123-CD", 0.495, "CONFUSABLE", true, "Renault", "Clio", "grey"),
            new PlateOption("ABI23CD", 0.55, "READER", false, null, null, null));

    private static List<String> eventNames(String body) {
        Matcher m = Pattern.compile("(?m)^event:(\\S+)").matcher(body);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void aLateClientGetsEveryStepThenTheCheckAndTheStreamEnds() throws Exception {
        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.COMPLETED, true, "OK", null)));
        MvcResult result = mvc.perform(get("/api/checks/" + ID + "/events")
                        .with(CheckControllerWebTest.as("agent-sub", "agent"))
                        .accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andReturn();
        await().atMost(Duration.ofSeconds(5)).until(() -> result.getResponse().getContentAsString().contains("event:COMPLETED"));
        mvc.perform(asyncDispatch(result)).andExpect(status().isOk());
        String body = result.getResponse().getContentAsString();
        assertThat(eventNames(body)).containsExactly("RECEIVED", "READING", "VERIFYING", "COMPLETED");
        assertThat(body).contains("\"check\":{").contains("\"verdict\":\"OK\"");
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    @Test
    void aConnectedClientSeesEachStepAsItHappens() throws Exception {
        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.PENDING, false, null, null)));
        MvcResult result = mvc.perform(get("/api/checks/" + ID + "/events")
                        .with(CheckControllerWebTest.as("agent-sub", "agent"))
                        .accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andReturn();
        await().until(() -> eventNames(result.getResponse().getContentAsString()).equals(List.of("RECEIVED")));

        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.PENDING, true, null, null)));
        events.publishEvent(new CheckProgress(ID, CheckProgress.READING));
        await().until(() -> eventNames(result.getResponse().getContentAsString()).contains("READING"));

        events.publishEvent(new CheckProgress(ID, CheckProgress.VERIFYING));
        await().until(() -> eventNames(result.getResponse().getContentAsString()).contains("VERIFYING"));

        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.NEEDS_CONFIRMATION, true, null, OPTIONS)));
        events.publishEvent(new CheckProgress(ID, CheckProgress.NEEDS_CONFIRMATION));
        await().until(() -> eventNames(result.getResponse().getContentAsString()).contains("NEEDS_CONFIRMATION"));
        assertThat(result.getResponse().getContentAsString()).contains("\"options\":[{\"plate\":\"AB-123-CD\"");

        CheckDocument confirmed = photoCheck(CheckStatus.COMPLETED, true, "OK", OPTIONS);
        given(repository.findById(ID)).willReturn(Optional.of(confirmed));
        events.publishEvent(new CheckProgress(ID, CheckProgress.COMPLETED));
        await().until(() -> eventNames(result.getResponse().getContentAsString()).contains("COMPLETED"));
        mvc.perform(asyncDispatch(result)).andExpect(status().isOk());
        assertThat(eventNames(result.getResponse().getContentAsString()))
                .containsExactly("RECEIVED", "READING", "VERIFYING", "NEEDS_CONFIRMATION", "COMPLETED");
    }

    @Test
    void onlyWhoMayReadTheCheckMayFollowIt() throws Exception {
        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.PENDING, false, null, null)));
        mvc.perform(get("/api/checks/" + ID + "/events").with(CheckControllerWebTest.as("other-agent", "agent"))
                        .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/checks/" + ID + "/events").accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/checks/not-a-uuid/events")).andExpect(status().isNotFound());
        // an EventSource accepts only text/event-stream: still a 404, never a 500
        mvc.perform(get("/api/checks/" + ID + "/events").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isNotFound());
    }

    @Test
    void theRequesterConfirmsAnUncertainReadingAndTheCheckCompletesAndIsPublished() throws Exception {
        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.NEEDS_CONFIRMATION, true, null, OPTIONS)));
        given(repository.replaceIfStatus(any(), eq(CheckStatus.NEEDS_CONFIRMATION))).willReturn(true);
        mvc.perform(post("/api/checks/" + ID + "/confirm").with(CheckControllerWebTest.as("agent-sub", "agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"ab 123 cd\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.source").value("PHOTO"))
                .andExpect(jsonPath("$.verdict").value("OK"))
                .andExpect(jsonPath("$.purpose").value("ROADSIDE_CONTROL"))
                .andExpect(jsonPath("$.reasons[0].code").value("PLATE_CONFIRMED"))
                .andExpect(jsonPath("$.reasons[0].evidence.read").value("AB-I23-CD"))
                .andExpect(jsonPath("$.reasons[0].evidence.offered").value("true"));
        verify(repository).replaceIfStatus(argThat(c -> c.status() == CheckStatus.COMPLETED
                && !c.outbox().published()
                && "POLICE".equals(CheckEvents.completed(c).requester().organisationKind())), eq(CheckStatus.NEEDS_CONFIRMATION));
        verify(relay).kick(any());
    }

    @Test
    void nobodyElseConfirmsAndOnlyAWaitingCheckIsConfirmed() throws Exception {
        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.NEEDS_CONFIRMATION, true, null, OPTIONS)));
        mvc.perform(post("/api/checks/" + ID + "/confirm").with(CheckControllerWebTest.as("other-agent", "agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/checks/" + ID + "/confirm").contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/checks/" + ID + "/confirm").with(CheckControllerWebTest.as("agent-sub", "agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"plate\":{\"$ne\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plate"));

        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.COMPLETED, true, "OK", null)));
        mvc.perform(post("/api/checks/" + ID + "/confirm").with(CheckControllerWebTest.as("agent-sub", "agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/conflict"));
        verify(repository, never()).replaceIfStatus(any(), any());
    }

    @Test
    void aNeedsConfirmationCheckShowsItsRankedOptions() throws Exception {
        given(repository.findById(ID)).willReturn(Optional.of(photoCheck(CheckStatus.NEEDS_CONFIRMATION, true, null, OPTIONS)));
        mvc.perform(get("/api/checks/" + ID).with(CheckControllerWebTest.as("agent-sub", "agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NEEDS_CONFIRMATION"))
                .andExpect(jsonPath("$.options[0].plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.options[0].registered").value(true))
                .andExpect(jsonPath("$.options[0].origin").value("CONFUSABLE"))
                .andExpect(jsonPath("$.options[1].registered").value(false));
    }
}
