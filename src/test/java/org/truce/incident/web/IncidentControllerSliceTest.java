package org.truce.incident.web;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.truce.identity.application.Readers;
import org.truce.incident.application.Incidents;
import org.truce.incident.application.ManagingIncidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.testing.WebSlice;
import org.truce.web.RowCaps;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The incidents API's controller alone (a {@code @WebMvcTest} slice, its application
 * services mocked, no store): the requests it refuses before any service is asked, each
 * with its problem+json, and an incident the reader may not see answered exactly as an id
 * nobody uses.
 */
@WebMvcTest(IncidentController.class)
@Import({ RowCaps.class, Speakers.class, WebSlice.class })
class IncidentControllerSliceTest {

	private static final String ID = "0192f0aa-0000-7000-8000-000000000001";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReadingIncidents reading;

	@MockitoBean
	ManagingIncidents managing;

	@MockitoBean
	Incidents incidents;

	@MockitoBean
	Readers readers;

	@Test
	void anIncidentTheReaderMayNotSeeIsNotFoundAsAnIdNobodyUses() throws Exception {
		when(this.reading.byId(any(), any())).thenReturn(Optional.empty());
		problem(this.mvc.perform(get("/api/incidents/" + ID)), 404, "NOT_FOUND", "id")
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("/api/incidents/" + ID)));
		problem(this.mvc.perform(get("/api/incidents/not-an-id")), 404, "NOT_FOUND", "id");
		verify(this.reading).byId(UUID.fromString(ID), org.truce.identity.model.Viewer.PUBLIC);
	}

	@Test
	void discountingWithoutAReasonIsRefusedBeforeAnythingChanges() throws Exception {
		problem(this.mvc.perform(post("/api/incidents/" + ID + "/discount").contentType(MediaType.APPLICATION_JSON)
			.content("{\"discounted\": true, \"version\": 1}")), 422, "FIELD_REQUIRED", "reason");
		verifyNoInteractions(this.managing);
	}

	@Test
	void aBodyThatIsNotJsonIsAProblemNotAnError() throws Exception {
		problem(this.mvc.perform(post("/api/incidents/" + ID + "/merge").contentType(MediaType.APPLICATION_JSON)
			.content("{\"incidents\": [")), 400, "MALFORMED_JSON", null);
		verify(this.managing, never()).merge(any(), anyInt(), anyList(), anyString(), anyString());
	}

	@Test
	void aLimitAboveTheListsBoundIsRefused() throws Exception {
		problem(this.mvc.perform(get("/api/incidents").param("limit", "501")), 400, "INVALID_QUERY", "limit");
		problem(this.mvc.perform(get("/api/incidents").param("limit", "0")), 400, "INVALID_QUERY", "limit");
		verifyNoInteractions(this.incidents);
	}

	private static ResultActions problem(ResultActions answer, int status, String code, String field) throws Exception {
		answer.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value(code));
		return field == null ? answer.andExpect(jsonPath("$.field").doesNotExist())
				: answer.andExpect(jsonPath("$.field").value(field));
	}

}
