package org.truce.bulletin.infrastructure;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.truce.bulletin.application.BulletinDrafts;

/**
 * The bulletin drafts store alone.
 *
 * <p>
 * Not a {@code @Configuration}: the application's component scan, which covers this
 * package, must not find it.
 */
@ComponentScan(basePackages = "org.truce.bulletin.infrastructure", useDefaultFilters = false,
		includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BulletinDrafts.class))
class BulletinDraftsSlice {

}
