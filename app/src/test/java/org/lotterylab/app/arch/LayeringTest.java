package org.lotterylab.app.arch;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map, enforced on the compiled classes (the Maven enforcer enforces it on dependencies):
 * the engine never imports JavaFX, the visuals never import DL4J/ND4J or the engine, the API imports only
 * the JDK.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lotterylab");
    }

    /** The engine's packages form no cycle (decision 0011): experiment kinds share only context and run. */
    @Test
    void enginePackagesAreFreeOfCycles() {
        slices().matching("org.lotterylab.engine.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** View models hold state and validation; they never touch the scene graph. */
    @Test
    void viewModelsStayOutOfTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAPackage("javafx.scene..").check(classes);
    }

    @Test
    void engineNeverUsesJavaFx() {
        noClasses().that().resideInAPackage("org.lotterylab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void visualsNeverUseDl4jNd4jOrTheEngine() {
        noClasses().that().resideInAPackage("org.lotterylab.visuals..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..",
                        "org.bytedeco..", "org.lotterylab.engine..", "org.lotterylab.app..")
                .check(classes);
    }

    /** Decisions 0013, 0016: the JDK and the small libraries named there (Commons CSV, jackson-jr), never DL4J/ND4J or JavaFX. */
    @Test
    void apiUsesOnlyTheJdkAndItsNamedLibraries() {
        classes().that().resideInAPackage("org.lotterylab.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.lotterylab.api..",
                        "org.apache.commons.csv..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void engineDoesNotReachIntoTheApp() {
        noClasses().that().resideInAPackage("org.lotterylab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lotterylab.app..", "org.lotterylab.visuals..")
                .check(classes);
    }

    /**
     * Only the front ends (the CLI, the window's launcher) write to stdout/stderr; the engine, the API and the
     * views report through events, exceptions or {@link System.Logger} (decision 0014). The view galleries are
     * programs of their own.
     */
    @Test
    void onlyTheFrontEndsUseTheStandardStreams() {
        noClasses().that().resideInAnyPackage("org.lotterylab.engine..", "org.lotterylab.api..",
                        "org.lotterylab.visuals..")
                .and().resideOutsideOfPackage("org.lotterylab.visuals.sample..")
                .and().haveSimpleNameNotEndingWith("Demo")
                .should(ACCESS_STANDARD_STREAMS).check(classes);
    }

    /**
     * Decision 0018: the window runs background work only through its executor ({@code BackgroundTasks}, whose
     * pool is {@code ThreadPoolTasks}). Exceptions: {@code BackgroundPriority}'s own scanner thread, and
     * {@code ReplayRunner}, a runner that (like the engine's) publishes its events from a thread of its own.
     */
    @Test
    void theWindowRunsBackgroundWorkOnlyThroughItsExecutor() {
        noClasses().that().resideInAPackage("org.lotterylab.app.ui..")
                .and().doNotHaveSimpleName("ThreadPoolTasks")
                .and().doNotHaveSimpleName("BackgroundPriority")
                .and().doNotHaveSimpleName("ReplayRunner")
                .should().accessTargetWhere(target(owner(assignableTo(Thread.class))).and(target(name("<init>"))))
                .orShould().accessClassesThat().belongToAnyOf(Executors.class, ThreadPoolExecutor.class,
                        ScheduledThreadPoolExecutor.class, ForkJoinPool.class)
                .orShould().accessTargetWhere(target(owner(assignableTo(CompletableFuture.class)))
                        .and(target(nameMatching(".*Async"))))
                .check(classes);
    }

    /**
     * Decision 0018: the JavaFX thread is reached through the executor's hand-back and the event pump only
     * ({@code ViewGrid} defers a relayout from the JavaFX thread itself past the current pulse).
     */
    @Test
    void theWindowReachesTheFxThreadOnlyThroughTheExecutorAndThePump() {
        noClasses().that().resideInAPackage("org.lotterylab.app.ui..")
                .and().doNotHaveSimpleName("ThreadPoolTasks")
                .and().doNotHaveSimpleName("LiveUpdatePump")
                .and().doNotHaveSimpleName("ViewGrid")
                .should().accessTargetWhere(target(owner(assignableTo(Platform.class))).and(target(name("runLater"))))
                .check(classes);
    }
}
