package com.autochec.verification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.autochec.platform.architecture.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.junit.jupiter.api.Test;

/** Keeps the service packaged by feature, with pure rules and no cycles between features. */
@AnalyzeClasses(packages = "com.autochec.verification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Cross-cutting code comes from the platform, never a copy. */
    @ArchTest
    static final ArchTests platform = ArchTests.in(ArchitectureRules.class);

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.autochec.verification");

    @Test
    void featuresHaveNoCycles() {
        slices().matching("com.autochec.verification.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void rulesArePureDomain() {
        classes()
                .that()
                .resideInAPackage("..verification.rules..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.autochec.contracts..", "..verification.rules..")
                .check(CLASSES);
    }

    @Test
    void controllersNeverReturnStorageTypes() {
        noClasses()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(org.springframework.data.mongodb.core.mapping.Document.class)
                .because("controllers return response records, never MongoDB documents")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
