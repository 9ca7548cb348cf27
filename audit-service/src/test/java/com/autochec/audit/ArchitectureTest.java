package com.autochec.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.autochec.platform.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the service packaged by feature, without cycles, its storage schema out of its API, and its
 * cross-cutting code in the platform.
 */
@AnalyzeClasses(packages = "com.autochec.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platform = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("com.autochec.audit.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersNeverReturnStorageTypes = noClasses()
            .that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(org.springframework.data.mongodb.core.mapping.Document.class)
            .because("controllers return response records, never MongoDB documents")
            .allowEmptyShould(true);
}
