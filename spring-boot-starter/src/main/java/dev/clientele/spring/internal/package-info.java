/** The implementation of the starter. Not API: may change at any time. */
package dev.clientele.spring.internal;
