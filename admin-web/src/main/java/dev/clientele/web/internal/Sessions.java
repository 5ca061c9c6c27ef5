package dev.clientele.web.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The sessions of one side of the console (admin or customer): random ids in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie ({@code Secure} under TLS, or always when the console is reached by https through a
 * proxy), a CSRF token each, an idle timeout, a new id at login.
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    /** One session. The user is null until a login. */
    static final class Session {
        final String id;
        final String csrf;
        final @Nullable String user;
        volatile Instant lastSeen;
        volatile @Nullable String notice;

        Session(String id, String csrf, @Nullable String user, Instant now) {
            this.id = id;
            this.csrf = csrf;
            this.user = user;
            this.lastSeen = now;
        }

        /** The notice for the next page, once. */
        @Nullable String takeNotice() {
            String n = notice;
            notice = null;
            return n;
        }
    }

    private final String cookie;
    private final String path;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    /** Mark every cookie {@code Secure}, even on a plain-HTTP request (a TLS proxy in front). */
    private final boolean alwaysSecure;

    Sessions(String cookie, String path, Duration timeout, Clock clock, boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
        this.cookie = cookie;
        this.path = path;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The live session of the request, touched; null when there is none or it expired. */
    @Nullable Session current(Exchange x) {
        String id = x.cookie(cookie);
        if (id == null) {
            return null;
        }
        Session s = byId.get(id);
        Instant now = clock.instant();
        if (s == null) {
            return null;
        }
        if (s.lastSeen.plus(timeout).isBefore(now)) {
            byId.remove(id);
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    /** The live session, or a new anonymous one (for the CSRF token of a login form). */
    Session currentOrNew(Exchange x) {
        Session s = current(x);
        return s != null ? s : open(x, null);
    }

    /** A new session for {@code user} (a new id: no session fixation), ending {@code old}. */
    Session login(Exchange x, @Nullable Session old, String user) {
        if (old != null) {
            byId.remove(old.id);
        }
        return open(x, user);
    }

    /** Ends the session and clears the cookie. */
    void end(Exchange x, @Nullable Session s) {
        if (s != null) {
            byId.remove(s.id);
        }
        x.header("Set-Cookie", cookie + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (alwaysSecure || x.secure() ? "; Secure" : ""));
    }

    /** Whether the form's CSRF token is the session's (constant time). */
    static boolean tokenMatches(@Nullable Session s, @Nullable String token) {
        return s != null && token != null && MessageDigest.isEqual(s.csrf.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private Session open(Exchange x, @Nullable String user) {
        Instant now = clock.instant();
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().removeIf(s -> s.lastSeen.plus(timeout).isBefore(now));
            if (byId.size() >= MAX_SESSIONS) {
                byId.values().removeIf(s -> s.user == null);
            }
        }
        Session s = new Session(random(), random(), user, now);
        byId.put(s.id, s);
        x.header("Set-Cookie", cookie + "=" + s.id + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (alwaysSecure || x.secure() ? "; Secure" : ""));
        return s;
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
