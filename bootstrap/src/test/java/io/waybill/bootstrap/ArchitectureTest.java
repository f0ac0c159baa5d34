package io.waybill.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.waybill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onion = onionArchitecture()
            .domainModels("io.waybill.domain..")
            .applicationServices("io.waybill.application..")
            .adapter("http", "io.waybill.adapters.http..")
            .adapter("persistence", "io.waybill.adapters.persistence..")
            .adapter("cache", "io.waybill.adapters.cache..")
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage("io.waybill.bootstrap.."), alwaysTrue())
            .ensureAllClassesAreContainedInArchitectureIgnoring("io.waybill.bootstrap..");

    @ArchTest
    static final ArchRule domainIsPureJava = classes()
            .that().resideInAPackage("io.waybill.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.waybill.domain..", "java..");

    @ArchTest
    static final ArchRule adaptersTalkToPortsNotServices = noClasses()
            .that().resideInAPackage("io.waybill.adapters..")
            .should().dependOnClassesThat().resideInAPackage("io.waybill.application.service..");

    @ArchTest
    static final ArchRule portsAreInterfaces = classes()
            .that().resideInAPackage("io.waybill.application.port..")
            .and().areTopLevelClasses()
            .and().areNotAssignableTo(Throwable.class)
            .should().beInterfaces();

    @ArchTest
    static final ArchRule bootstrapUsesOnlyAdapterEntryTypes = noClasses()
            .that().resideInAPackage("io.waybill.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.javalin..", "org.jdbi..", "com.zaxxer..", "redis.clients..", "org.flywaydb..");

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.waybill.(*)..").should().beFreeOfCycles();
}
