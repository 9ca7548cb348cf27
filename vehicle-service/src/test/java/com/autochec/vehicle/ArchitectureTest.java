package com.autochec.vehicle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.autochec.platform.architecture.ArchitectureRules;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the storage schema out of the API and the feature packages free of cycles; the platform's
 * rules keep cross-cutting code out of the service.
 */
@AnalyzeClasses(packages = "com.autochec.vehicle", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platform = ArchTests.in(ArchitectureRules.class);

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.autochec.vehicle");

    @Test
    void controllersNeverReturnMongoDocuments() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .should(notExposeDocuments())
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.autochec.vehicle.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theRegistryDoesNotKnowHowItIsPublishedOrImported() {
        noClasses()
                .that()
                .resideInAPackage("..vehicle.registry..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..vehicle.outbox..", "..vehicle.importing..")
                .check(CLASSES);
    }

    private static ArchCondition<JavaMethod> notExposeDocuments() {
        DescribedPredicate<JavaClass> document = DescribedPredicate.describe(
                "a MongoDB @Document", c -> c.isAnnotatedWith(Document.class));
        return new ArchCondition<>("not return or wrap a MongoDB document") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean exposes = method.getReturnType().getAllInvolvedRawTypes().stream().anyMatch(document);
                if (exposes) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns a MongoDB document"));
                }
            }
        };
    }
}
