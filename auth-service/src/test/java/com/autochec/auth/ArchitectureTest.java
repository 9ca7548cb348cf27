package com.autochec.auth;

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

/**
 * Keeps the service packaged by feature, without cycles, and its storage schema out of its API; the
 * platform's rules keep cross-cutting code out of the service.
 */
@AnalyzeClasses(packages = "com.autochec.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platform = ArchTests.in(ArchitectureRules.class);

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.autochec.auth");

    @Test
    void featuresHaveNoCycles() {
        slices().matching("com.autochec.auth.(*)..").should().beFreeOfCycles().check(CLASSES);
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
