package dev.clientele.web.internal;

import org.jspecify.annotations.Nullable;

/**
 * What every page shows around its content.
 *
 * @param title  the page title
 * @param side   {@code admin} or {@code customer}
 * @param user   who is logged in, or null
 * @param csrf   the session's CSRF token for the page's forms
 * @param active the navigation entry to highlight
 * @param notice a success message, or null
 * @param error  an error message, or null
 */
public record Frame(String title, String side, @Nullable String user, String csrf, String active,
        @Nullable String notice, @Nullable String error) {
    /** @return whether this is the admin side */
    public boolean admin() {
        return "admin".equals(side);
    }
}
