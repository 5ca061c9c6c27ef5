package dev.clientele.web.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request and its response, as the console's screens see them. The console's code uses only this, so a
 * host (Javalin here, a servlet or Spring later) adapts it in a few lines.
 */
public interface Exchange {
    /** @return {@code GET} or {@code POST} */
    String method();

    /** @return the path, without the query */
    String path();

    /** @return a query parameter, or null */
    @Nullable String query(String name);

    /** @return a form field of a POST, or null */
    @Nullable String form(String name);

    /** @return every value of a form field of a POST (checkboxes), possibly none */
    List<String> forms(String name);

    /** @return a request cookie, or null */
    @Nullable String cookie(String name);

    /** Adds a response header. */
    void header(String name, String value);

    /** @return whether the request came over TLS */
    boolean secure();

    /** Answers with an HTML page. */
    void html(int status, String html);

    /** Answers with content of a type (the style sheet). */
    void content(String contentType, byte[] body);

    /** Answers with {@code 303 See Other} to {@code location} (a path of this console). */
    void redirect(String location);
}
