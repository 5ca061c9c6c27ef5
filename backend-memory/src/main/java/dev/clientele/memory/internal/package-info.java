/**
 * Implementation of the in-memory back-end: the stores behind {@link dev.clientele.memory.MemoryBackend} and the
 * fixture parser. <strong>Not API</strong>: anything here may change or disappear in any release; use
 * {@link dev.clientele.memory} instead.
 */
package dev.clientele.memory.internal;
