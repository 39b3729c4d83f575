package org.truce.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every page the attributes of the {@link PageModel}s, after its controller has run
 * and before its view is rendered. Only pages: a {@code @ControllerAdvice} with
 * {@code @ModelAttribute} methods, as these were, is run for every controller, those of
 * the API too (a {@code @RestController} is a {@code @Controller}), whose answers have no
 * model; it cost each API request its share of CPU for nothing (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageModels implements WebMvcConfigurer {

	private final ObjectProvider<PageModel> models;

	PageModels(ObjectProvider<PageModel> models) {
		this.models = models;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Adding(this.models.orderedStream().toList()));
	}

	/** Adds the page models' attributes to a model that a view will render. */
	static final class Adding implements HandlerInterceptor {

		private final List<PageModel> models;

		Adding(List<PageModel> models) {
			this.models = List.copyOf(models);
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView page) {
			if (page == null || page.wasCleared() || redirect(page)) {
				// No view (an answer written by the controller, such as JSON), or a
				// redirect, whose model would become its query.
				return;
			}
			Map<String, Object> model = page.getModel();
			for (PageModel m : this.models) {
				if (!model.containsKey(m.attribute())) {
					model.put(m.attribute(), m.value(request));
				}
			}
		}

		private static boolean redirect(ModelAndView page) {
			String name = page.getViewName();
			return (name != null && name.startsWith("redirect:")) || page.getView() instanceof RedirectView;
		}

	}

}
