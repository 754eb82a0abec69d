package dev.odoomcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape the packages keep, checked on the compiled main classes: feature packages layered top
 * down (what the AI can do, the protocol, OAuth, operations, talking to Odoo, security), each using
 * only those below it; the stdio wrapper standing alone (it ships as its own small jar); no cycles
 * between packages or between the tool groups.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.odoomcp");

    @Test
    void eachFeaturePackageUsesOnlyThePackagesBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("tools")
                .definedBy("dev.odoomcp.tools..")
                .layer("mcp")
                .definedBy("dev.odoomcp.mcp..")
                .layer("oauth")
                .definedBy("dev.odoomcp.oauth..")
                .layer("ops")
                .definedBy("dev.odoomcp.ops..")
                .layer("odoo")
                .definedBy("dev.odoomcp.odoo..")
                .layer("security")
                .definedBy("dev.odoomcp.security..")
                .whereLayer("tools")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("mcp")
                .mayOnlyBeAccessedByLayers("tools")
                .whereLayer("oauth")
                .mayOnlyBeAccessedByLayers("tools", "mcp")
                .whereLayer("ops")
                .mayOnlyBeAccessedByLayers("tools", "mcp", "oauth")
                .whereLayer("odoo")
                .mayOnlyBeAccessedByLayers("tools", "mcp", "oauth", "ops")
                .whereLayer("security")
                .mayOnlyBeAccessedByLayers("tools", "mcp", "oauth", "ops", "odoo")
                .check(MAIN);
    }

    @Test
    void theStdioWrapperStandsAlone() {
        noClasses()
                .that()
                .resideInAPackage("dev.odoomcp.wrapper..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.odoomcp.tools..",
                        "dev.odoomcp.mcp..",
                        "dev.odoomcp.oauth..",
                        "dev.odoomcp.ops..",
                        "dev.odoomcp.odoo..",
                        "dev.odoomcp.security..",
                        "org.springframework..")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.odoomcp.wrapper..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.odoomcp.wrapper..")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenPackagesOrToolGroups() {
        slices().matching("dev.odoomcp.(*)..").should().beFreeOfCycles().check(MAIN);
        slices().matching("dev.odoomcp.tools.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
