package org.truce.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One attribute that the model of every page holds (the signed-in reader, the navigation,
 * the scenario, how to write times). It is added by {@link PageModels} only when a page
 * is rendered: an API answer, a redirect or a static file never works it out. A
 * controller that sets the same attribute itself keeps its own.
 */
public interface PageModel {

	/** The attribute's name in the page's model, such as {@code nav}. */
	String attribute();

	/** Its value for the page answering this request. */
	Object value(HttpServletRequest request);

}
