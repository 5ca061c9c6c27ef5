package dev.clientele.jdbc;

/** {@link ZnunyCompatibilityTests} on a Znuny 7 schema in a real PostgreSQL (with the advised LOWER indexes). */
class ZnunyPostgresCompatibilityTest extends ZnunyCompatibilityTests {
    @Override
    protected ZnunyDatabase freshDatabase() {
        return ZnunyDatabase.postgres();
    }
}
