/**
 * The in-memory back-end: {@link dev.clientele.memory.MemoryBackend} (type {@code memory}, found through
 * {@link dev.clientele.memory.MemoryBackendProvider}), seeding from hand-written fixture files with
 * {@link dev.clientele.memory.Fixtures}, and {@link dev.clientele.memory.ClienteleExtension}, a JUnit 5 extension
 * giving each test of a host application a fresh, seeded {@link dev.clientele.CustomerDirectory}.
 *
 * <p>Depends on {@code dev.clientele} and {@code dev.clientele.spi} only; {@code dev.clientele.memory.internal} is
 * not API.
 */
@NullMarked
package dev.clientele.memory;

import org.jspecify.annotations.NullMarked;
