package org.concepthash.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.concepthash.accounts.Role;

/**
 * The least role a view needs ({@link ViewGuard} refuses navigation below it and the shell hides
 * its menu entry). A view without it needs a viewer; {@link PublicView} needs nobody.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresRole {
  Role value();
}
