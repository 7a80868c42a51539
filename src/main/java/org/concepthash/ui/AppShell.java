package org.concepthash.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import jakarta.inject.Singleton;

/** Page-level settings of the Vaadin app: server push for live progress. */
@Singleton
@Push
public class AppShell implements AppShellConfigurator {}
