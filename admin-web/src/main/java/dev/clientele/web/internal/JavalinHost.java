package dev.clientele.web.internal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Runs the console's routes on Javalin (Jetty): the one class that knows the HTTP framework. */
public final class JavalinHost implements AutoCloseable {
    private final Javalin app;

    /**
     * Starts a server.
     *
     * @param console the console
     * @param host    the address to bind
     * @param port    the port, 0 for any free one
     */
    public JavalinHost(ConsoleApp console, String host, int port) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000;
            for (Route r : console.routes()) {
                if ("GET".equals(r.method())) {
                    config.routes.get(r.path(), ctx -> r.action().handle(new Adapter(ctx)));
                } else {
                    config.routes.post(r.path(), ctx -> r.action().handle(new Adapter(ctx)));
                }
            }
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    console.notFound(new Adapter(ctx));
                }
            });
        });
        app.start(host, port);
    }

    /** @return the port the server listens on */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** An {@link Exchange} over a Javalin context. */
    private static final class Adapter implements Exchange {
        private final Context ctx;

        Adapter(Context ctx) {
            this.ctx = ctx;
        }

        @Override public String method() { return ctx.method().name(); }
        @Override public String path() { return ctx.path(); }
        @Override public @Nullable String query(String name) { return ctx.queryParam(name); }
        @Override public @Nullable String form(String name) { return forms(name).stream().findFirst().orElse(null); }

        @Override
        public List<String> forms(String name) {
            try {
                return ctx.formParams(name);
            } catch (RuntimeException e) {
                // a body that is not a form (bad %-escapes, a wrong charset): the request, not the server, is wrong
                throw Problem.badRequest("the form is malformed and cannot be read; nothing was changed");
            }
        }
        @Override public @Nullable String cookie(String name) { return ctx.cookie(name); }
        @Override public void header(String name, String value) { ctx.res().addHeader(name, value); }
        @Override public boolean secure() { return "https".equals(ctx.scheme()); }

        @Override
        public void html(int status, String html) {
            ctx.status(status).html(html);
        }

        @Override
        public void content(String contentType, byte[] body) {
            ctx.contentType(contentType).result(body);
        }

        @Override
        public void redirect(String location) {
            ctx.redirect(location, HttpStatus.SEE_OTHER);
        }
    }
}
