package dev.clientele.web.internal;

/**
 * One route of the console: a method, a path and what answers it.
 *
 * @param method {@code GET} or {@code POST}
 * @param path   an exact path
 * @param action what answers
 */
public record Route(String method, String path, Action action) {
    /** What answers a route. */
    @FunctionalInterface
    public interface Action {
        /** Answers the exchange. */
        void handle(Exchange x);
    }
}
