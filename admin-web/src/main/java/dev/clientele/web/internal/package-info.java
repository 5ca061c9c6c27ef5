/** The console's pages, sessions and HTTP adapter. Not API: may change at any time. */
@NullMarked
package dev.clientele.web.internal;

import org.jspecify.annotations.NullMarked;
