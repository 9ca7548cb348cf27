package com.autochec.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every service's structure test runs ({@code @ArchTest static final ArchTests platform =
 * ArchTests.in(ArchitectureRules.class);}): cross-cutting code comes from the platform, never a copy.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    private static final DescribedPredicate<JavaClass> OUTSIDE_PLATFORM =
            DescribedPredicate.describe("outside the platform", c -> !c.getPackageName().startsWith("com.autochec.platform"));

    /** Feature packages do not depend on each other in cycles. */
    @ArchTest
    public static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("com.autochec.(*).(*)..")
            .namingSlices("$2")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(true);

    /** Problem responses come from the platform's handlers: no service writes its own advice. */
    @ArchTest
    public static final ArchRule noOwnExceptionHandlerAdvice = noClasses()
            .that(OUTSIDE_PLATFORM)
            .should()
            .beAssignableTo(org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler.class)
            .allowEmptyShould(true)
            .because("the platform's ProblemExceptionHandler answers every error");

    /** One Caller and one Role: the platform's. */
    @ArchTest
    public static final ArchRule noOwnCaller = noClasses()
            .that(OUTSIDE_PLATFORM)
            .should()
            .haveSimpleName("Caller")
            .orShould()
            .haveSimpleName("Role")
            .allowEmptyShould(true)
            .because("the caller and its role come from com.autochec.platform.security");

    /** One outbox relay, one Kafka error policy, one clock: the platform's. */
    @ArchTest
    public static final ArchRule noOwnKafkaErrorHandlerOrClock = noClasses()
            .that(OUTSIDE_PLATFORM)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.kafka.listener.DeadLetterPublishingRecoverer")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone")
            .allowEmptyShould(true)
            .because("dead letters and the clock are configured once in the platform");

    /** Controllers never return stored documents: the storage schema is not the API. */
    @ArchTest
    public static final ArchRule controllersDoNotReturnDocuments = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should()
            .notHaveRawReturnType(DescribedPredicate.describe(
                    "a stored MongoDB document",
                    (JavaClass c) -> c.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")))
            .allowEmptyShould(true)
            .because("controllers answer with response records");
}
