package org.concepthash.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import jakarta.inject.Singleton;

/**
 * Page-level settings of the Vaadin app: server push for live progress. Push goes server-to-client
 * over the WebSocket, client-to-server over XHR: those requests carry the session cookie through
 * the normal servlet path, so signing in (which rotates the session id) and out work with push.
 */
@Singleton
@Push(transport = Transport.WEBSOCKET_XHR)
public class AppShell implements AppShellConfigurator {}
