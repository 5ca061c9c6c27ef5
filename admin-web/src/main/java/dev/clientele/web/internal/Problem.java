package dev.clientele.web.internal;

/** A request the console refuses: an HTTP status and a message for the page (never a secret). */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Problem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static Problem badRequest(String message) {
        return new Problem(400, message);
    }

    static Problem notFound(String message) {
        return new Problem(404, message);
    }
}
