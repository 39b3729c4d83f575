package org.truce.incident.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.truce.identity.application.Readers;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.ListingIncidents;
import org.truce.testing.WebSlice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The list of incidents' page controller alone (a {@code @WebMvcTest} slice, with the
 * listing mocked and no store): how it reads {@code from}, {@code to} and {@code before}
 * (days in the scenario's zone, here Damascus, UTC+3 in 2016), the problems it answers
 * for bad ones without listing anything, and the next-page link it writes.
 */
@WebMvcTest(IncidentListPageController.class)
@Import(WebSlice.class)
class IncidentListPageSliceTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ListingIncidents listing;

	@MockitoBean
	Readers readers;

	@MockitoBean
	IncidentPageSections findings;

	@Test
	void theDaysAreTheScenariosAndTheNextPageLinkKeepsThem() throws Exception {
		Instant next = Instant.parse("2016-09-10T06:00:00Z");
		when(this.listing.page(any(), any(), any(), anyInt(), any()))
			.thenReturn(new ListingIncidents.Page(List.of(), next));

		this.mvc.perform(get("/incidents").param("from", "2016-09-10").param("to", "2016-09-11"))
			.andExpect(status().isOk())
			.andExpect(view().name("incidents/list"))
			.andExpect(content().string(containsString(
					"<a href=\"/incidents?from=2016-09-10&amp;to=2016-09-11&amp;before=2016-09-10T06:00:00Z\" id=\"next-page\"")))
			.andExpect(content().string(containsString("id=\"no-incidents\"")))
			.andExpect(content().string(not(containsString("first-page"))));

		verify(this.listing).page(eq(Instant.parse("2016-09-09T21:00:00Z")),
				eq(Instant.parse("2016-09-11T20:59:59.999Z")), isNull(), eq(50), eq(Viewer.PUBLIC));
		verify(this.findings).addToList(eq(List.of()), eq(Viewer.PUBLIC), any());
	}

	@Test
	void aLaterPageStartsBeforeTheInstantItWasGivenAndLinksBackToTheFirst() throws Exception {
		when(this.listing.page(any(), any(), any(), anyInt(), any()))
			.thenReturn(new ListingIncidents.Page(List.of(), null));

		this.mvc.perform(get("/incidents").param("before", "2016-09-10T06:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"/incidents\" id=\"first-page\"")))
			.andExpect(content().string(not(containsString("next-page"))));

		verify(this.listing).page(isNull(), isNull(), eq(Instant.parse("2016-09-10T06:00:00Z")), eq(50),
				eq(Viewer.PUBLIC));
	}

	@Test
	void aDayThatIsNotOneIsAProblemAndListsNothing() throws Exception {
		this.mvc.perform(get("/incidents").param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("INVALID_QUERY"))
			.andExpect(jsonPath("$.field").value("from"));
		this.mvc.perform(get("/incidents").param("from", "2016-09-11").param("to", "2016-09-10"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INTERVAL_END_BEFORE_START"))
			.andExpect(jsonPath("$.field").value("to"));
		verify(this.listing, never()).page(any(), any(), any(), anyInt(), any());
	}

}
