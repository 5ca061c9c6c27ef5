package dev.clientele.jdbc;

/** {@link ZnunyCompatibilityTests} on a Znuny 7 schema in H2 (PostgreSQL mode). */
class ZnunyH2CompatibilityTest extends ZnunyCompatibilityTests {
    @Override
    protected ZnunyDatabase freshDatabase() {
        return ZnunyDatabase.h2();
    }
}
