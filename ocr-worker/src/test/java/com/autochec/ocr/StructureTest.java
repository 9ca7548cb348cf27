package com.autochec.ocr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.autochec.platform.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Packages by feature, arrows one way: worker → document → plate → tesseract/image; nothing but bench uses bench;
 * cross-cutting code (Kafka error policy, clock) from the platform.
 */
@AnalyzeClasses(
        packages = "com.autochec.ocr",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class StructureTest {

    @ArchTest
    static final ArchTests platform = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule imageHandlingDependsOnNoFeature = noClasses().that().resideInAPackage("..ocr.image..")
            .should().dependOnClassesThat().resideInAnyPackage("..ocr.plate..", "..ocr.document..", "..ocr.worker..", "..ocr.bench..");

    @ArchTest
    static final ArchRule enginesDoNotKnowAboutKafka = noClasses().that().resideInAnyPackage("..ocr.plate..", "..ocr.document..", "..ocr.image..", "..ocr.tesseract..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..", "..ocr.worker..");

    @ArchTest
    static final ArchRule onlyTheBenchmarkUsesTheBenchmark = noClasses().that().resideOutsideOfPackage("..ocr.bench..")
            .should().dependOnClassesThat().resideInAPackage("..ocr.bench..");
}
