/**
 * The admin web console and the customer login of Clientele: the OTRS customer screens (Customers, Companies,
 * Groups, Customers &lt;-&gt; Groups, permissions, settings) and the customer interface (login, my account, my
 * groups, forgotten password), on the public {@link dev.clientele.CustomerDirectory} API only.
 *
 * <p>{@link dev.clientele.web.Console} is what a host starts or mounts; {@link dev.clientele.web.AdminAccounts} are
 * the admin logins (never customer accounts); {@link dev.clientele.web.ResetMailer} sends reset links.
 * Everything in {@code dev.clientele.web.internal} may change at any time.
 */
@NullMarked
package dev.clientele.web;

import org.jspecify.annotations.NullMarked;
