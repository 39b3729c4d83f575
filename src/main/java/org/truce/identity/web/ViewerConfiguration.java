package org.truce.identity.web;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.truce.identity.model.Viewer;

/**
 * Lets controllers take the request's {@link Viewer}, which the API description omits.
 */
@Configuration(proxyBeanMethods = false)
class ViewerConfiguration implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
	}

	private final CurrentViewer viewer;

	ViewerConfiguration(CurrentViewer viewer) {
		this.viewer = viewer;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.viewer);
	}

}
