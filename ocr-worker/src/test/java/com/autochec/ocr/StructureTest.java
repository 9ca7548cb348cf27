package com.autochec.ocr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Packages by feature, arrows one way: worker → plate/document → image; nothing but bench uses bench. */
class StructureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.autochec.ocr");

    @Test
    void imageHandlingDependsOnNoFeature() {
        noClasses().that().resideInAPackage("..ocr.image..")
                .should().dependOnClassesThat().resideInAnyPackage("..ocr.plate..", "..ocr.document..", "..ocr.worker..", "..ocr.bench..")
                .check(classes);
    }

    @Test
    void enginesDoNotKnowAboutKafka() {
        noClasses().that().resideInAnyPackage("..ocr.plate..", "..ocr.document..", "..ocr.image..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..", "..ocr.worker..")
                .check(classes);
    }

    @Test
    void onlyTheBenchmarkUsesTheBenchmark() {
        noClasses().that().resideOutsideOfPackage("..ocr.bench..")
                .should().dependOnClassesThat().resideInAPackage("..ocr.bench..")
                .check(classes);
    }
}
