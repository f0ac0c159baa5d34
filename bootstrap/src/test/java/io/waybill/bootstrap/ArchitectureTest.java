package io.waybill.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.waybill.adapters.cache.CacheSettings;
import io.waybill.adapters.cache.Caches;
import io.waybill.adapters.http.HttpApi;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.http.MetricsSettings;
import io.waybill.adapters.http.Monitoring;
import io.waybill.adapters.http.RateLimitSettings;
import io.waybill.adapters.http.weather.WeatherProviders;
import io.waybill.adapters.http.webhooks.WebhookSenders;
import io.waybill.adapters.persistence.DatabaseSettings;
import io.waybill.adapters.persistence.Persistence;
import io.waybill.adapters.persistence.archive.ReportArchives;
import java.util.Set;

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
                    "io.javalin..", "org.jdbi..", "com.zaxxer..", "redis.clients..", "org.flywaydb..",
                    "io.micrometer..", "io.prometheus..");

    /**
     * What bootstrap may use of each adapter module: its entry type and its settings records, nested types included;
     * everything else an adapter holds (a file format, a handler, a repository) is reached through them or through the
     * application's ports.
     */
    static final Set<Class<?>> ADAPTER_ENTRY_TYPES = Set.of(
            HttpApi.class, HttpSettings.class, RateLimitSettings.class, WeatherProviders.class, Monitoring.class,
            MetricsSettings.class, WebhookSenders.class,
            Persistence.class, DatabaseSettings.class, ReportArchives.class,
            Caches.class, CacheSettings.class);

    @ArchTest
    static final ArchRule bootstrapReachesEachAdapterOnlyThroughItsEntryTypeAndSettings = noClasses()
            .that().resideInAPackage("io.waybill.bootstrap..")
            .should().dependOnClassesThat(resideInAPackage("io.waybill.adapters..")
                    .and(DescribedPredicate.describe("not an adapter's entry type or settings record",
                            ArchitectureTest::outsideTheAllowList)))
            .because("bootstrap wires adapters together; it does not reach into them");

    private static boolean outsideTheAllowList(JavaClass type) {
        String name = type.getName();
        return ADAPTER_ENTRY_TYPES.stream()
                .noneMatch(allowed -> name.equals(allowed.getName()) || name.startsWith(allowed.getName() + "$"));
    }

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.waybill.(*)..").should().beFreeOfCycles();
}
