package dev.clientele.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package layout is the architecture; these rules keep it so. */
@DisplayName("Architecture")
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.clientele");
    }

    @Test
    @DisplayName("core depends on no back-end")
    void coreDependsOnNoBackend() {
        noClasses().that().resideInAnyPackage("dev.clientele", "dev.clientele.spi", "dev.clientele.password",
                        "dev.clientele.config", "dev.clientele.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.clientele.memory..", "dev.clientele.jdbc..",
                        "dev.clientele.ldap..", "dev.clientele.examples..")
                .check(classes);
    }

    @Test
    @DisplayName("back-ends use only the API and the SPI of core, never its internals")
    void backendsUseOnlyApiAndSpi() {
        noClasses().that().resideInAnyPackage("dev.clientele.memory..", "dev.clientele.jdbc..", "dev.clientele.ldap..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.clientele.internal..", "dev.clientele.config..")
                .check(classes);
    }

    @Test
    @DisplayName("a back-end never depends on another back-end")
    void backendsAreIndependent() {
        noClasses().that().resideInAnyPackage("dev.clientele.memory..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.clientele.jdbc..", "dev.clientele.ldap..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.clientele.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.clientele.memory..", "dev.clientele.ldap..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.clientele.ldap..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.clientele.memory..", "dev.clientele.jdbc..")
                .check(classes);
    }

    @Test
    @DisplayName("nothing outside core uses core's internal package")
    void nobodyOutsideCoreUsesInternal() {
        noClasses().that().resideOutsideOfPackages("dev.clientele", "dev.clientele.spi", "dev.clientele.password",
                        "dev.clientele.config", "dev.clientele.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.clientele.internal..")
                .check(classes);
    }

    @Test
    @DisplayName("the public API does not depend on core's internals except to build the directory")
    void apiHidesInternals() {
        noClasses().that().resideInAnyPackage("dev.clientele.spi", "dev.clientele.password")
                .should().dependOnClassesThat().resideInAPackage("dev.clientele.internal..")
                .check(classes);
    }
}
