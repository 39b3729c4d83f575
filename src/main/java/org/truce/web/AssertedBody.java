package org.truce.web;

import org.truce.shared.Asserted;

/**
 * The {@code asserted} object of a request body, for a record entered after the fact:
 * when it happened ({@code at}, an instant with its offset, not later than now), who
 * asserts it ({@code by}, required with {@code at}) and the document that says so
 * ({@code document}, a citation; {@code url}). Absent, the time of recording is asserted
 * by the signed-in user. Pages send the same as form fields {@code assertedAt},
 * {@code assertedBy}, {@code assertedDocument}, {@code assertedUrl}.
 */
public record AssertedBody(String at, String by, String document, String url) {

	/** What the service checks, {@link Asserted.Input#NONE} for an absent body. */
	public static Asserted.Input input(AssertedBody body) {
		return body == null ? Asserted.Input.NONE
				: new Asserted.Input(body.at(), body.by(), body.document(), body.url());
	}

	/**
	 * The same from a page's form fields, blank ones absent; the time is written with its
	 * offset, as in the API.
	 */
	public static Asserted.Input form(String at, String by, String document, String url) {
		return new Asserted.Input(at, by, document, url);
	}

}
