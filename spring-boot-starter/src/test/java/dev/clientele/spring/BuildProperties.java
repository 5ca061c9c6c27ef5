package dev.clientele.spring;

/** Test support: the build's own {@code -Dclientele.*} flags are not Clientele settings. */
final class BuildProperties {
    private BuildProperties() {
    }

    /**
     * Forgets {@code clientele.target} (a build folder that parallel builds pass with {@code -D}, and which Surefire
     * hands to the tests as a system property): the starter would rightly refuse it as an unknown
     * {@code clientele.*} setting.
     */
    static void forget() {
        System.clearProperty("clientele.target");
    }
}
