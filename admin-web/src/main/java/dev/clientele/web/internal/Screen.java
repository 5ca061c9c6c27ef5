package dev.clientele.web.internal;

import dev.clientele.CustomerDirectory;
import dev.clientele.Permission;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the screens share: the directory, the templates, and reading form fields. */
abstract class Screen {
    /** The longest text any form field may carry (the longest model field is a preference value). */
    static final int MAX_FIELD = 4_000;

    final CustomerDirectory directory;
    final Templates templates;

    Screen(CustomerDirectory directory, Templates templates) {
        this.directory = directory;
        this.templates = templates;
    }

    static Frame frame(Sessions.Session s, String side, String title, String active) {
        return new Frame(title, side, s.user, s.csrf, active, s.takeNotice(), null);
    }

    static Frame withError(Frame f, String error) {
        return new Frame(f.title(), f.side(), f.user(), f.csrf(), f.active(), f.notice(), error);
    }

    void page(Exchange x, String template, Object model) {
        x.html(200, templates.render(template, model));
    }

    /** A required query parameter (a key in a URL), or a 400 naming it. */
    static String required(Exchange x, String name) {
        String v = x.query(name);
        if (v == null || v.isBlank()) {
            throw Problem.badRequest("the request has no '" + name + "'");
        }
        return checked(name, v);
    }

    /** A form field (null when absent), or a 400 when it is oversized. */
    static @Nullable String field(Exchange x, String name) {
        String v = x.form(name);
        return v == null ? null : checked(name, v);
    }

    /** A required form field, or a 400 naming it. */
    static String requiredField(Exchange x, String name) {
        String v = field(x, name);
        if (v == null) {
            throw Problem.badRequest("the form has no field '" + name + "'");
        }
        return v;
    }

    static String checked(String name, String v) {
        if (v.length() > MAX_FIELD) {
            throw Problem.badRequest("the field '" + name + "' is longer than " + MAX_FIELD + " characters");
        }
        return v;
    }

    /** The name typed in a login form ("" when absent). */
    static String loginName(Exchange x) {
        String v = x.form("name");
        return v == null ? "" : checked("name", v.strip());
    }

    /** The password typed in a form field (empty when absent); the caller clears it. */
    static char[] password(Exchange x, String name) {
        String v = x.form(name);
        return v == null ? new char[0] : checked(name, v).toCharArray();
    }

    /** A long form field (a version), or a 400 naming it. */
    static long longField(Exchange x, String name) {
        try {
            return Long.parseLong(requiredField(x, name).strip());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("the field '" + name + "' is not a number");
        }
    }

    /** A page number from the query (1 when absent), or a 400. */
    static int page(Exchange x) {
        String p = x.query("page");
        if (p == null || p.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(p.strip());
            if (n < 1 || n > 1_000_000) {
                throw Problem.badRequest("the page number must be 1 to 1000000");
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("the page number '" + p + "' is not a number");
        }
    }

    /**
     * The permission a row of {@code ro}/{@code rw} checkboxes asks for: {@code rw} wins (it implies {@code ro});
     * null for neither.
     */
    static @Nullable Permission checkedPermission(List<String> ro, List<String> rw, String key) {
        if (rw.contains(key)) {
            return Permission.RW;
        }
        return ro.contains(key) ? Permission.RO : null;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String url(String path, String key, String value) {
        return path + "?" + key + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
