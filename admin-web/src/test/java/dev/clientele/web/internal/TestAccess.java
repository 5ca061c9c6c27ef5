package dev.clientele.web.internal;

/** The console's fixed messages, for tests outside this package. */
public final class TestAccess {
    private TestAccess() {
    }

    public static String adminFailed() {
        return AdminLogin.FAILED;
    }

    public static String customerFailed() {
        return SelfService.FAILED;
    }
}
