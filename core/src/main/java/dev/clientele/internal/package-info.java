/**
 * The implementation of core. Not API: may change at any time. Back-ends and applications never use it
 * (an architecture test keeps it so).
 */
package dev.clientele.internal;
