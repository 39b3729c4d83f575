package org.truce.testing;

import com.microsoft.playwright.Page;

/**
 * Signing in on the sign-in page in a browser, as a person does, with the password of the
 * users that {@link RunningTruce#user(String, String...)} adds.
 */
public final class SignIn {

	private SignIn() {
	}

	/**
	 * Opens {@code /login} of {@code truce}, signs in as {@code username} with
	 * {@link RunningTruce#PASSWORD} and waits for the page it lands on.
	 */
	public static void as(Page page, RunningTruce truce, String username) {
		page.navigate(truce.baseUri().resolve("/login").toString());
		page.fill("#username", username);
		page.fill("#password", RunningTruce.PASSWORD);
		page.click("#submit");
		page.waitForLoadState();
	}

}
