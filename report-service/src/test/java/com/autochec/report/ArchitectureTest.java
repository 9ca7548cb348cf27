package com.autochec.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.autochec.platform.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/** Packages by feature: signing and config know nothing of reports; nothing leaks Mongo documents to the web. */
@AnalyzeClasses(packages = "com.autochec.report", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Cross-cutting code comes from the platform, never a copy. */
    @ArchTest
    static final ArchTests platform = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule signingDoesNotDependOnReports = noClasses()
            .that().resideInAPackage("..report.signing..")
            .should().dependOnClassesThat().resideInAPackage("com.autochec.report.report..");

    @ArchTest
    static final ArchRule configDoesNotDependOnFeatures = noClasses()
            .that().resideInAPackage("..report.config..")
            .should().dependOnClassesThat().resideInAnyPackage("com.autochec.report.report..", "com.autochec.report.signing..",
                    "com.autochec.report.webhook..");

    @ArchTest
    static final ArchRule webhooksAndReportsAreIndependent = noClasses()
            .that().resideInAPackage("..report.webhook..")
            .should().dependOnClassesThat().resideInAnyPackage("com.autochec.report.report..", "com.autochec.report.signing..");
}
