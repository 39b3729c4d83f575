package org.truce.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.determination.application.Determining;
import org.truce.determination.model.Verdict;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.ledger.application.Checkpointing;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.IncidentFixture;
import org.truce.testing.AgreementFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may use what: every operation in {@code /v3/api-docs}, and every page, called by
 * each kind of reader, with the status the table says. An operation without a row fails
 * the test, and so does a row whose operation is gone: adding an endpoint means deciding
 * who may use it here. Denied requests are 401 problem+json for the public and 403
 * problem+json for a signed-in role; allowed ones are never 401, 403 or 5xx; and every
 * answer carries the security headers.
 */
class AuthorisationMatrixTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The readers, in the order of the columns of {@link #TABLE}. */
	enum Who {

		PUBLIC(null), ADMIN("admin"), CO_CHAIR("co-chair:united-states"), MONITOR("monitor"),
		LIAISON("liaison:syria-government"), NOTIFIER("notifier");

		final String grant;

		Who(String grant) {
			this.grant = grant;
		}

	}

	/** An id nothing has. */
	private static final String NONE = "00000000-0000-7000-8000-000000000000";

	private static final String REPORT_JSON = """
			{"eventType": "armed_clash", "when": {"start": "2016-10-21"},
			 "where": {"latitude": 36.2, "longitude": 37.15}, "source": "monitors", "narrative": "matrix"}""";

	private static final String RFI_JSON = """
			{"party": "syria-government", "question": "Which unit fired?", "deadline": "2100-01-01T00:00:00Z"}""";

	private static final String NOTIFICATION_JSON = """
			{"kind": "SITE", "name": "Matrix clinic", "siteKind": "CLINIC",
			 "geometry": {"type": "Point", "coordinates": [37.15, 36.2]}, "parties": ["syria-government"]}""";

	private static final String POSITION_JSON = """
			{"area": {"type": "Point", "coordinates": [37.2, 36.3]},
			 "from": "2016-09-19T00:00:00Z", "to": "2016-09-20T00:00:00Z"}""";

	private static final String DETERMINATION_JSON = """
			{"agreement": "aleppo-pause-2016-10", "term": "aleppo-pause-2016-10/no-strikes-or-shelling",
			 "actor": "syria-government", "verdict": "VIOLATION", "rationale": "matrix"}""";

	/**
	 * Every operation and page: a sample request ({@code {report}}, {@code {incident}},
	 * {@code {token}} are filled in with ids of the store) and the status for each
	 * reader.
	 */
	private static final List<Row> TABLE = List.of(
	// @formatter:off
		//                                                                            public admin co-ch monit liais notif
		// Reference data: everyone.
		api("GET /api/event-types", "/api/event-types",                              all(200)),
		api("GET /api/scenario", "/api/scenario",                                    all(200)),
		api("GET /api/actors", "/api/actors",                                        all(200)),
		api("GET /api/actors/resolve", "/api/actors/resolve?name=Russia",            all(200)),
		api("GET /api/places", "/api/places?q=Aleppo",                               all(200)),
		api("GET /api/boundaries/{pcode}", "/api/boundaries/SY02",                   all(404)),
		api("GET /api/control-areas", "/api/control-areas?at=2016-10-21T00:00:00Z",  all(200)),
		api("GET /layers/{name}.geojson", "/layers/syria-admin1.geojson",            all(200)),
		api("GET /api/agreements", "/api/agreements",                                all(200)),
		api("GET /api/agreements/{id}", "/api/agreements/aleppo-pause-2016-10",      all(200)),
		api("GET /api/agreements/{id}/zones", "/api/agreements/aleppo-pause-2016-10/zones", all(200)),
		api("GET /api/agreements/{id}/mingled", "/api/agreements/aleppo-pause-2016-10/mingled", all(200)),
		api("GET /api/agreements/{id}/outcomes", "/api/agreements/aleppo-pause-2016-10/outcomes", all(200)),
		api("GET /api/agreements/{id}/incident-outcomes",
				"/api/agreements/aleppo-pause-2016-10/incident-outcomes",            all(200)),
		// The compliance clock is judged over the whole record: those who see it all.
		api("GET /api/agreements/{id}/clock",
				"/api/agreements/syria-arrangement-2016-09/clock?at=2016-09-14T00:00:00Z",
				                                                                      of(401,  403,  200,  200,  403,  403)),
		// Reports and findings: everyone reads, each answer cut to the reader. The sample report is not
		// published and concerns the liaison's side: whoever may not see it is told it is not found.
		api("GET /api/reports", "/api/reports",                                      all(200)),
		api("GET /api/reports/{id}", "/api/reports/{report}",                        of(404,  404,  200,  200,  200,  404)),
		api("GET /api/map/reports", "/api/map/reports",                              all(200)),
		api("GET /api/findings", "/api/findings",                                    all(200)),
		api("GET /api/incidents/{id}/findings", "/api/incidents/{incident}/findings", all(200)),
		api("GET /api/exports/reports", "/api/exports/reports?format=csv",           all(200)),
		api("GET /api/exports/findings", "/api/exports/findings?agreement=aleppo-pause-2016-10", all(200)),
		// Bulletins: everyone, each computed from what its reader may see.
		api("GET /api/bulletins", "/api/bulletins?agreement=aleppo-pause-2016-10&from=2016-10-20&to=2016-10-22", all(200)),
		// Incidents: everyone reads, cut to the reader (the sample incident's report is not published).
		api("GET /api/incidents", "/api/incidents",                                  all(200)),
		api("GET /api/incidents/{id}", "/api/incidents/{incident}",                  of(404,  404,  200,  200,  200,  404)),
		// Analysts merge, split, discount and decide candidate links (the samples are refused as invalid).
		api("POST /api/incidents/{id}/merge", "/api/incidents/{incident}/merge", "application/json",
				"{\"incidents\": [], \"reason\": \"matrix\", \"version\": 1}",          of(401,  403,  403,  422,  403,  403)),
		api("POST /api/incidents/{id}/split", "/api/incidents/{incident}/split", "application/json",
				"{\"reports\": [], \"reason\": \"matrix\", \"version\": 1}",            of(401,  403,  403,  422,  403,  403)),
		api("POST /api/incidents/{id}/discount", "/api/incidents/{incident}/discount", "application/json",
				"{\"discounted\": false, \"version\": 999}",                          of(401,  403,  403,  409,  403,  403)),
		api("POST /api/candidate-links/{id}/decision", "/api/candidate-links/none/decision", "application/json",
				"{\"confirm\": false, \"reason\": \"matrix\"}",                       of(401,  403,  403,  404,  403,  403)),
		api("GET /api/candidate-links", "/api/candidate-links",                      of(401,  403,  200,  200,  403,  403)),
		// Each side states its own claim: liaisons and co-chairs.
		api("POST /api/incidents/{id}/claims", "/api/incidents/{incident}/claims", "application/json",
				"{\"position\": \"DENIES\", \"actor\": \"russia\", \"statement\": \"matrix\"}",
				                                                                      of(401,  403,  201,  403,  201,  403)),
		// Evidence: monitors and liaisons attach it; staff read the bytes.
		api("POST /api/incidents/{id}/evidence", "/api/incidents/{incident}/evidence", "text/plain", "matrix evidence",
				                                                                      of(401,  403,  403,  201,  201,  403)),
		api("GET /api/incidents/{id}/evidence/{sha256}", "/api/incidents/{incident}/evidence/{evidence}",
				                                                                      of(401,  403,  200,  200,  403,  403)),
		// Submitting: monitors and liaisons; sources: monitors (co-chairs read them).
		api("POST /api/reports", "/api/reports", "application/json", REPORT_JSON,
				                                                                      of(401,  403,  403,  201,  201,  403)),
		api("POST /api/reports/batch", "/api/reports/batch", "application/json", "[" + REPORT_JSON + "]",
				                                                                      of(401,  403,  403,  200,  200,  403)),
		api("GET /api/sources", "/api/sources",                                      of(401,  403,  200,  200,  403,  403)),
		api("POST /api/sources", "/api/sources", "application/json",
				"{\"id\": \"matrix-source\", \"name\": \"Matrix\", \"kind\": \"NGO\"}",
				                                                                      of(401,  403,  403,  201,  403,  403)),
		// Dataset imports: monitors (the sample is not an ACLED file, so it is refused and nothing is recorded).
		api("POST /api/imports/{kind}", "/api/imports/acled", "text/csv", "not,an,acled,header\n",
				                                                                      of(401,  403,  403,  422,  403,  403)),
		// The ledger: everyone; a cosignature is judged by its witness key's signature.
		api("GET /ledger/checkpoint", "/ledger/checkpoint",                          all(200)),
		api("GET /ledger/checkpoint/status", "/ledger/checkpoint/status",            all(200)),
		api("GET /ledger/key", "/ledger/key",                                        all(200)),
		api("GET /ledger/entries", "/ledger/entries?start=0&end=2",                  all(200)),
		api("GET /ledger/proof/inclusion", "/ledger/proof/inclusion?index=0&size=2", all(200)),
		api("GET /ledger/proof/consistency", "/ledger/proof/consistency?from=1&to=2", all(200)),
		api("GET /api/reports/{id}/proof", "/api/reports/{report}/proof",            of(404,  404,  200,  200,  200,  404)),
		api("POST /ledger/cosignature", "/ledger/cosignature", "text/plain", "not a cosigned note\n",
				                                                                      all(422)),
		// Requests for information: staff send and read them all; the party's liaison reads and answers
		// those addressed to its side (the sample is addressed to the liaison's side).
		api("POST /api/incidents/{id}/rfis", "/api/incidents/{open-incident}/rfis", "application/json", RFI_JSON,
				                                                                      of(401,  403,  201,  201,  403,  403)),
		api("GET /api/incidents/{id}/rfis", "/api/incidents/{open-incident}/rfis",        of(401,  403,  200,  200,  200,  403)),
		api("GET /api/rfis", "/api/rfis?status=open",                                of(401,  403,  200,  200,  200,  403)),
		api("GET /api/rfis/summary", "/api/rfis/summary",                            of(401,  403,  200,  200,  200,  403)),
		api("GET /api/rfis/{id}", "/api/rfis/{rfi}",                                 of(401,  403,  200,  200,  200,  403)),
		api("POST /api/rfis/{id}/answer", "/api/rfis/{rfi}/answer", "application/json",
				"{\"answer\": \"matrix\"}",                                          of(401,  403,  403,  403,  200,  403)),
		// Humanitarian access: notifiers request; staff and notifiers read all, a liaison those concerning its
		// side (the sample concerns the liaison's side); only that party's liaison decides, once (the form
		// after the API's decision is a conflict, redirected); the requesting notifier and monitors record the
		// outcome (the samples are refused as invalid, 422, or without a version, 428; the sample request is
		// another notifier's, so the matrix's notifier is told it does not exist, 404). Besieged areas are public.
		api("POST /api/access-requests", "/api/access-requests", "application/json", "{}",
				                                                                      of(401,  403,  403,  403,  403,  422)),
		api("GET /api/access-requests", "/api/access-requests",                      of(401,  403,  200,  200,  200,  200)),
		api("GET /api/access-requests/{id}", "/api/access-requests/{access}",        of(401,  403,  200,  200,  200,  200)),
		api("POST /api/access-requests/{id}/decisions", "/api/access-requests/{access}/decisions", "application/json",
				"{\"verdict\": \"APPROVED\", \"reasons\": \"matrix\"}",                of(401,  403,  403,  403,  201,  403)),
		api("POST /api/access-requests/{id}/outcome", "/api/access-requests/{access}/outcome", "application/json",
				"{\"outcome\": \"matrix\"}",                                        of(401,  403,  403,  422,  403,  404)),
		page("GET /access-requests", "/access-requests",                             of(302,  403,  200,  200,  200,  200)),
		page("GET /access-requests/{id}", "/access-requests/{access}",               of(302,  403,  200,  200,  200,  200)),
		new Row("POST /access-requests/{id}/decisions", false, "/access-requests/{access}/decisions",
				"application/x-www-form-urlencoded", "verdict=DENIED&reasons=matrix", of(302,  403,  403,  403,  303,  403)),
		api("GET /api/besieged-areas", "/api/besieged-areas",                        all(200)),
		api("GET /api/besieged-areas.geojson", "/api/besieged-areas.geojson",        all(200)),
		api("GET /api/besieged-areas/{id}", "/api/besieged-areas/{besieged}",        all(200)),
		api("POST /api/besieged-areas", "/api/besieged-areas", "application/json", "{}",
				                                                                      of(401,  403,  403,  422,  403,  422)),
		api("PUT /api/besieged-areas/{id}", "/api/besieged-areas/{besieged}", "application/json", "{}",
				                                                                      of(401,  403,  403,  428,  403,  428)),
		// Restrictions of the monitors' movement: monitors record; staff and liaisons read.
		api("POST /api/movement-restrictions", "/api/movement-restrictions", "application/json", "{}",
				                                                                      of(401,  403,  403,  422,  403,  403)),
		api("GET /api/movement-restrictions", "/api/movement-restrictions",          of(401,  403,  200,  200,  200,  403)),
		// Proximity alerts: staff and notifiers read them (a liaison only those about its side's declared
		// positions: none here); the stream sample ends after a second. Webhooks: admins.
		api("GET /api/alerts", "/api/alerts",                                        of(401,  403,  200,  200,  200,  200)),
		api("GET /api/alerts/stream", "/api/alerts/stream?timeoutSeconds=1",         of(401,  403,  200,  200,  200,  200)),
		api("POST /api/webhooks", "/api/webhooks", "application/json",
				"{\"url\": \"https://example.org/matrix\"}",                          of(401,  201,  403,  403,  403,  403)),
		api("GET /api/webhooks", "/api/webhooks",                                    of(401,  200,  403,  403,  403,  403)),
		api("GET /api/webhooks/{id}/deliveries", "/api/webhooks/" + NONE + "/deliveries",
				                                                                      of(401,  404,  403,  403,  403,  403)),
		api("POST /api/webhooks/deliveries/{id}/replay", "/api/webhooks/deliveries/" + NONE + "/replay",
				"application/json", "",                                              of(401,  404,  403,  403,  403,  403)),
		// Who am I; users and tokens: admins.
		api("GET /api/me", "/api/me",                                                of(401,  200,  200,  200,  200,  200)),
		api("GET /api/users", "/api/users",                                          of(401,  200,  403,  403,  403,  403)),
		api("POST /api/users", "/api/users", "application/json",
				"{\"username\": \"matrix-added\", \"grants\": [\"monitor\"]}",       of(401,  201,  403,  403,  403,  403)),
		api("POST /api/users/{username}/grants", "/api/users/matrix-target/grants", "application/json",
				"{\"grant\": \"monitor\"}",                                          of(401,  201,  403,  403,  403,  403)),
		api("DELETE /api/users/{username}/grants/{grant}", "/api/users/matrix-target/grants/notifier",
				                                                                      of(401,  204,  403,  403,  403,  403)),
		api("POST /api/users/{username}/tokens", "/api/users/matrix-target/tokens", "application/json",
				"{\"label\": \"matrix\"}",                                           of(401,  201,  403,  403,  403,  403)),
		api("DELETE /api/tokens/{id}", "/api/tokens/{token}",                        of(401,  204,  403,  403,  403,  403)),
		// Pages and service endpoints, which the API description does not list.
		page("GET /", "/",                                                           all(200)),
		page("GET /login", "/login",                                                 all(200)),
		page("GET /ledger", "/ledger",                                               all(200)),
		page("GET /statistics", "/statistics",                                       all(200)),
		// OGC API – Features: everyone, each collection cut to its reader as the REST API is.
		page("GET /ogc", "/ogc",                                                     all(200)),
		page("GET /ogc/api", "/ogc/api",                                             all(200)),
		page("GET /ogc/collections/{id}/items", "/ogc/collections/reports/items",    all(200)),
		page("GET /ogc/collections/{id}/items/{id}", "/ogc/collections/reports/items/{report}",
				                                                                      of(404,  404,  200,  200,  200,  404)),
		page("GET /reports/{id}/panel", "/reports/{report}/panel",                   of(404,  404,  200,  200,  200,  404)),
		page("GET /incidents/{id}/findings/panel", "/incidents/{incident}/findings/panel", all(200)),
		page("GET /incidents", "/incidents",                                         all(200)),
		page("GET /incidents/{id}", "/incidents/{incident}",                         of(404,  404,  200,  200,  200,  404)),
		page("GET /review", "/review",                                               of(302,  403,  200,  200,  403,  403)),
		new Row("POST /review/links/{id}", false, "/review/links/none", "application/x-www-form-urlencoded",
				"decision=reject&reason=matrix",                                     of(302,  403,  403,  303,  403,  403)),
		new Row("POST /incidents/{id}/merge", false, "/incidents/{incident}/merge", "application/x-www-form-urlencoded",
				"other=none&reason=matrix&version=1",                                of(302,  403,  403,  303,  403,  403)),
		new Row("POST /incidents/{id}/split", false, "/incidents/{incident}/split", "application/x-www-form-urlencoded",
				"reason=matrix&version=1",                                           of(302,  403,  403,  303,  403,  403)),
		new Row("POST /incidents/{id}/rfis", false, "/incidents/{incident}/rfis", "application/x-www-form-urlencoded",
				"party=&question=&deadline=",                                        of(302,  403,  403,  303,  403,  403)),
		page("GET /inbox", "/inbox",                                                 of(302,  403,  200,  200,  200,  403)),
		new Row("POST /inbox/rfis/{id}/answer", false, "/inbox/rfis/{rfi}/answer", "application/x-www-form-urlencoded",
				"answer=matrix&version=2",                                           of(302,  403,  403,  403,  303,  403)),
		page("GET /swagger-ui.html", "/swagger-ui.html",                             all(302)),
		page("GET /v3/api-docs", "/v3/api-docs",                                     all(200)),
		page("GET /actuator/health", "/actuator/health",                             all(200)),
		// Joint determinations: monitors and co-chairs draft, edit and comment; co-chairs of a named side sign.
		// The sample is a draft about the sample incident: only staff read it. An edit without the version read
		// is refused as such (428), after the role check.
		api("POST /api/incidents/{id}/determinations", "/api/incidents/{open-incident}/determinations",
				"application/json", DETERMINATION_JSON,                               of(401,  403,  201,  201,  403,  403)),
		api("GET /api/incidents/{id}/determinations", "/api/incidents/{open-incident}/determinations",
				                                                                      of(404,  404,  200,  200,  200,  404)),
		api("GET /api/determinations", "/api/determinations",                        all(200)),
		api("GET /api/determinations/{id}", "/api/determinations/{determination}",   of(404,  404,  200,  200,  404,  404)),
		api("PUT /api/determinations/{id}", "/api/determinations/{determination}", "application/json",
				DETERMINATION_JSON,                                                   of(401,  403,  428,  428,  403,  403)),
		api("POST /api/determinations/{id}/sign-offs", "/api/determinations/{determination}/sign-offs",
				"application/json", "{\"version\": 1}",                              of(401,  403,  201,  403,  403,  403)),
		api("POST /api/determinations/{id}/comments", "/api/determinations/{determination}/comments",
				"application/json", "{\"text\": \"matrix\"}",                        of(401,  403,  201,  201,  403,  403)),
		page("GET /determinations/queue", "/determinations/queue",                   of(302,  403,  200,  200,  403,  403)),
		page("GET /determinations/{id}", "/determinations/{determination}",          of(404,  404,  200,  200,  404,  404)),
		page("GET /incidents/{id}/determinations/new", "/incidents/{open-incident}/determinations/new",
				                                                                      of(302,  403,  200,  200,  403,  403)),
		form("POST /incidents/{id}/determinations", "/incidents/{open-incident}/determinations",
				"term=aleppo-pause-2016-10+aleppo-pause-2016-10%2Fno-strikes-or-shelling&actor=syria-government"
						+ "&verdict=VIOLATION&rationale=matrix",                      of(302,  403,  302,  302,  403,  403)),
		form("POST /determinations/{id}/sign-offs", "/determinations/{determination}/sign-offs", "version=2",
				                                                                      of(302,  403,  302,  403,  403,  403)),
		form("POST /determinations/{id}/comments", "/determinations/{determination}/comments", "text=matrix",
				                                                                      of(302,  403,  302,  302,  403,  403)),
		// Bulletins signed jointly (issue 17): staff draft, co-chairs of a named side sign or dissent; published
		// bulletins are everyone's, drafts staff's. The sample is a draft of 20-22 October; the drafting rows
		// draft other periods, so that the sample stays the current draft.
		api("POST /api/bulletins/drafts", "/api/bulletins/drafts", "application/json",
				"{\"agreement\": \"aleppo-pause-2016-10\", \"from\": \"2016-10-21\", \"to\": \"2016-10-21\"}",
				                                                                      of(401,  403,  201,  201,  403,  403)),
		api("GET /api/bulletins/drafts", "/api/bulletins/drafts",                    of(401,  403,  200,  200,  403,  403)),
		api("GET /api/bulletins/published", "/api/bulletins/published",              all(200)),
		api("GET /api/bulletins/{id}", "/api/bulletins/{bulletin}",                  of(404,  404,  200,  200,  404,  404)),
		api("GET /api/bulletins/{id}/bulletin.json", "/api/bulletins/{bulletin}/bulletin.json",
				                                                                      of(404,  404,  200,  200,  404,  404)),
		api("POST /api/bulletins/drafts/{id}/sign", "/api/bulletins/drafts/{bulletin}/sign", "application/json",
				"{\"version\": \"1\"}",                                              of(401,  403,  201,  403,  403,  403)),
		api("POST /api/bulletins/drafts/{id}/dissent", "/api/bulletins/drafts/{bulletin}/dissent", "application/json",
				"{\"version\": \"1\", \"text\": \"matrix\"}",                         of(401,  403,  201,  403,  403,  403)),
		page("GET /bulletins", "/bulletins",                                         all(200)),
		page("GET /bulletins/{id}", "/bulletins/{bulletin}",                         of(404,  404,  200,  200,  404,  404)),
		form("POST /bulletins/drafts", "/bulletins/drafts", "agreement=aleppo-pause-2016-10&from=2016-10-22&to=2016-10-22",
				                                                                      of(302,  403,  302,  302,  403,  403)),
		form("POST /bulletins/{id}/sign", "/bulletins/{bulletin}/sign", "version=1",
				                                                                      of(302,  403,  302,  403,  403,  403)),
		form("POST /bulletins/{id}/dissent", "/bulletins/{bulletin}/dissent", "version=1&text=matrix",
				                                                                      of(302,  403,  302,  403,  403,  403)),
		// Humanitarian notifications: notifiers register and withdraw (their own); the liaisons of the parties
		// concerned acknowledge; staff, the notifier and those liaisons read. The sample is delivered to the
		// liaison's side. The map layer answers everyone, empty for whoever may read none.
		api("POST /api/notifications", "/api/notifications", "application/json", NOTIFICATION_JSON,
				                                                                      of(401,  403,  403,  403,  403,  201)),
		api("GET /api/notifications", "/api/notifications",                          of(401,  403,  200,  200,  200,  200)),
		api("GET /api/notifications/{id}", "/api/notifications/{notification}",      of(401,  403,  200,  200,  200,  200)),
		api("GET /api/notifications/{id}/notified",
				"/api/notifications/{notification}/notified?party=syria-government&before=2100-01-01T00:00:00Z",
				                                                                      of(401,  403,  200,  200,  200,  200)),
		api("POST /api/notifications/{id}/acknowledgments", "/api/notifications/{notification}/acknowledgments",
				"application/json", "{}",                                            of(401,  403,  403,  403,  200,  403)),
		api("GET /api/map/notifications", "/api/map/notifications",                  all(200)),
		page("GET /notifications", "/notifications",                                 of(302,  403,  200,  200,  200,  200)),
		page("GET /notifications/{id}", "/notifications/{notification}",             of(302,  403,  200,  200,  200,  200)),
		form("POST /notifications/{id}/acknowledgments", "/notifications/{notification}/acknowledgments", "",
				                                                                      of(302,  403,  403,  403,  303,  403)),
		api("POST /api/notifications/{id}/withdrawal", "/api/notifications/{notification}/withdrawal",
				                                                                      of(401,  403,  403,  403,  403,  200)),
		// Declared positions: the co-chairs and the declaring side only. The sample is the liaison's side's.
		api("POST /api/positions", "/api/positions", "application/json", POSITION_JSON,
				                                                                      of(401,  403,  201,  403,  201,  403)),
		api("GET /api/positions", "/api/positions",                                  of(401,  403,  200,  403,  200,  403)),
		api("POST /api/positions/{id}/withdrawal", "/api/positions/{position}/withdrawal",
				                                                                      of(401,  403,  404,  403,  200,  403)),
		// Their page and its forms, the same readers; a declaration without its area and window is refused
		// on the page (422). The map layer answers everyone, empty for whoever may read none.
		page("GET /positions", "/positions",                                         of(302,  403,  200,  403,  200,  403)),
		form("POST /positions", "/positions", "area=&from=&to=",                      of(302,  403,  422,  403,  422,  403)),
		form("POST /positions/{id}/withdrawal", "/positions/{position}/withdrawal", "",
				                                                                      of(302,  403,  404,  403,  303,  403)),
		api("GET /api/map/positions", "/api/map/positions",                          all(200)),
		// Publishing, last: it makes the sample report public. Co-chairs only (201 the first time).
		api("POST /api/reports/{id}/publication", "/api/reports/{report}/publication", "application/json", "",
				                                                                      of(401,  403,  201,  403,  403,  403))
	// @formatter:on
	);

	private static RunningTruce truce;

	private static final Map<Who, String> tokens = new EnumMap<>(Who.class);

	private static final Map<String, String> ids = new java.util.HashMap<>();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void aStoreWithAnAgreementAReportAFindingAndAUserForEachRole() throws Exception {
		truce = RunningTruce.sqlite(true);
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia")),
					new Actor("united-states", "United States", ActorType.STATE_FORCE, null, List.of("US"))));
		// Used by monitors and liaisons, so that the matrix shows what the roles allow;
		// which sources a
		// submitter may use is ALiaisonFilesOnlyUnderSourcesItBelongsToTest's.
		truce.bean(Sources.class)
			.save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B, false, null,
					List.of("monitor", "liaison")));
		AgreementFixture.load(truce, "aleppo-pause-2016-10", "syria-arrangement-2016-09");
		String report = truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("shelling_artillery_missile_attack",
					new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null),
					"Syrian government", null, null, "Shells struck the old city.", "monitors", "matrix-1", null),
					org.truce.report.application.Submitter.record("test"), null, "matrix")
			.report()
			.id()
			.toString();
		truce.bean(AdjudicatingIncidents.class).all();
		for (Who who : Who.values()) {
			if (who.grant != null) {
				tokens.put(who, truce.token(who.grant));
			}
		}
		ManagingUsers users = truce.bean(ManagingUsers.class);
		users.add("matrix-target", null, List.of(new Grant(Role.NOTIFIER, null)), ManagingUsers.COMMAND_LINE);
		String token = users.issueToken("matrix-target", "to revoke", null, ManagingUsers.COMMAND_LINE)
			.token()
			.id()
			.toString();
		truce.bean(Checkpointing.class).checkpoint();
		JsonNode findings = JSON.readTree(truce.http()
			.withToken(tokens.get(Who.MONITOR))
			.get("/api/findings?agreement=aleppo-pause-2016-10")
			.body());
		ids.put("{report}", report);
		ids.put("{incident}", findings.get("items").get(0).get("incident").asString());
		ids.put("{open-incident}",
				IncidentFixture.incidentOf(truce, java.util.UUID.fromString(report)).id().toString());
		ids.put("{rfi}",
				JSON.readTree(truce.http()
					.withToken(tokens.get(Who.MONITOR))
					.postJson("/api/incidents/" + ids.get("{open-incident}") + "/rfis", RFI_JSON)
					.body()).get("id").asString());
		ids.put("{token}", token);
		org.truce.humanitarian.application.RequestingAccess access = truce
			.bean(org.truce.humanitarian.application.RequestingAccess.class);
		ids.put("{access}", access.request(
				new org.truce.humanitarian.application.RequestingAccess.NewAccessRequest(
						JSON.readTree("{\"type\": \"LineString\", \"coordinates\": [[37.13, 36.24], [37.17, 36.25]]}"),
						new org.truce.humanitarian.application.RequestingAccess.Destination("Eastern Aleppo", 36.21,
								37.18),
						List.of(new org.truce.humanitarian.application.RequestingAccess.Cargo("flour", 1.0, "t")), 10L,
						List.of("syria-government"), "2016-09-15T06:00:00+03:00", "2016-09-16T06:00:00+03:00"),
				access.reader("matrix", List.of(new Grant(Role.NOTIFIER, null))))
			.id()
			.toString());
		ids.put("{besieged}", truce.bean(org.truce.humanitarian.application.RecordingBesiegedAreas.class)
			.record(new org.truce.humanitarian.application.RecordingBesiegedAreas.NewArea("Matrix", "BESIEGED",
					JSON.readTree("{\"type\": \"Polygon\", \"coordinates\": [[[37.1, 36.1], [37.2, 36.1], [37.2, 36.2],"
							+ " [37.1, 36.1]]]}"),
					100L, "2016-09-15", List.of(), null), "matrix")
			.id()
			.toString());
		ids.put("{evidence}",
				java.util.HexFormat.of()
					.formatHex(java.security.MessageDigest.getInstance("SHA-256")
						.digest("matrix evidence".getBytes(StandardCharsets.UTF_8))));
		ids.put("{notification}",
				JSON.readTree(truce.http()
					.withToken(tokens.get(Who.NOTIFIER))
					.postJson("/api/notifications", NOTIFICATION_JSON)
					.body()).get("id").asString());
		ids.put("{position}", JSON
			.readTree(truce.http().withToken(tokens.get(Who.LIAISON)).postJson("/api/positions", POSITION_JSON).body())
			.get("id")
			.asString());
		java.util.UUID incident = java.util.UUID.fromString(ids.get("{open-incident}"));
		ids.put("{determination}",
				truce.bean(Determining.class)
					.draft(incident,
							new Determining.Draft("aleppo-pause-2016-10", "aleppo-pause-2016-10/no-strikes-or-shelling",
									"syria-government", Verdict.VIOLATION, "matrix", null),
							"matrix", List.of(new Grant(Role.MONITOR, null)))
					.id()
					.toString());
		ids.put("{bulletin}", truce.bean(org.truce.bulletin.application.SigningBulletins.class)
			.draft("aleppo-pause-2016-10", java.time.LocalDate.parse("2016-10-20"),
					java.time.LocalDate.parse("2016-10-22"), null, "matrix", List.of(new Grant(Role.MONITOR, null)))
			.id()
			.toString());
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void everyOperationInTheApiDescriptionHasARowAndEveryRowAnOperation() {
		JsonNode paths = JSON.readTree(truce.http().get("/v3/api-docs").body()).get("paths");
		Set<String> described = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				described.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
			}
		}
		Set<String> inTable = TABLE.stream()
			.filter(Row::described)
			.map(Row::operation)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> withoutRow = new TreeSet<>(described);
		withoutRow.removeAll(inTable);
		Set<String> withoutOperation = new TreeSet<>(inTable);
		withoutOperation.removeAll(described);
		assertThat(withoutRow).as("operations in /v3/api-docs without a row in the table: say who may use them")
			.isEmpty();
		assertThat(withoutOperation).as("rows of the table whose operation /v3/api-docs no longer lists").isEmpty();
		assertThat(TABLE.stream().map(Row::operation).distinct().count()).as("one row per operation")
			.isEqualTo(TABLE.size());
	}

	@TestFactory
	Stream<DynamicTest> eachReaderGetsTheStatusTheTableSays() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Row row : TABLE) {
			for (Who who : Who.values()) {
				int expected = row.expected()[who.ordinal()];
				tests.add(DynamicTest.dynamicTest(row.operation() + " as " + who + " is " + expected,
						() -> check(row, who, expected)));
			}
		}
		return tests.stream();
	}

	private void check(Row row, Who who, int expected) throws Exception {
		String path = row.sample();
		for (Map.Entry<String, String> id : ids.entrySet()) {
			path = path.replace(id.getKey(), id.getValue());
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(truce.baseUri().resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", row.described() ? "application/json, application/problem+json, */*"
					: "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
		if (tokens.containsKey(who)) {
			request.header("Authorization", "Bearer " + tokens.get(who));
		}
		if (row.body() != null) {
			request.header("Content-Type", row.contentType());
		}
		request.method(row.method(), row.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(row.body()));
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String seen = response.statusCode() + " " + response.body();

		assertThat(response.statusCode()).as("%s %s as %s: %s", row.method(), path, who, abbreviated(seen))
			.isEqualTo(expected);
		assertThat(response.statusCode()).as("never a server error").isLessThan(500);
		if (expected == 401 || expected == 403) {
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).as("a refusal is problem+json").startsWith("application/problem+json"));
			String code = JSON.readTree(response.body()).get("code").asString();
			assertThat(code).isEqualTo(who == Who.PUBLIC ? "UNAUTHENTICATED" : "FORBIDDEN");
			assertThat(expected).as("the public is asked to sign in; a role is refused")
				.isEqualTo(who == Who.PUBLIC ? 401 : 403);
		}
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'")
				.contains("style-src 'self'")
				.contains("frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	/**
	 * One operation: {@code "GET /api/reports/{id}"} as the API description names it, a
	 * sample request, and the status for each reader in the order of {@link Who}.
	 */
	record Row(String operation, boolean described, String sample, String contentType, String body, int[] expected) {

		String method() {
			return this.operation.substring(0, this.operation.indexOf(' '));
		}

	}

	private static Row api(String operation, String sample, int[] expected) {
		return new Row(operation, true, sample, null, null, expected);
	}

	private static Row api(String operation, String sample, String contentType, String body, int[] expected) {
		return new Row(operation, true, sample, contentType, body, expected);
	}

	/** A page's form, posted with a token (so without a session, and without CSRF). */
	private static Row form(String operation, String sample, String body, int[] expected) {
		return new Row(operation, false, sample, "application/x-www-form-urlencoded", body, expected);
	}

	private static Row page(String operation, String sample, int[] expected) {
		return new Row(operation, false, sample, null, null, expected);
	}

	/** The same status for every reader. */
	private static int[] all(int status) {
		int[] out = new int[Who.values().length];
		java.util.Arrays.fill(out, status);
		return out;
	}

	/** Public, admin, co-chair, monitor, liaison, notifier. */
	private static int[] of(int... statuses) {
		assertThat(statuses).hasSize(Who.values().length);
		return statuses;
	}

	private static String abbreviated(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}
