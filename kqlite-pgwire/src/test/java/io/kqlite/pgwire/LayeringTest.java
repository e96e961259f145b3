package io.kqlite.pgwire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers apart: bytes, session logic, SQL translation and the replicated core. */
class LayeringTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.kqlite");
  }

  @Test
  void codecKnowsNothingOfSessionsSqlOrStorage() {
    noClasses().that().resideInAPackage("io.kqlite.pgwire.codec..")
        .should().dependOnClassesThat().resideInAnyPackage("io.kqlite.pgwire.session..",
            "io.kqlite.pgwire.sql..", "io.kqlite.pgwire.server..", "io.kqlite.statemachine..",
            "org.apache.ratis..", "org.sqlite..")
        .check(classes);
  }

  @Test
  void sessionNeverSeesBytesOrNetty() {
    noClasses().that().resideInAPackage("io.kqlite.pgwire.session..")
        .should().dependOnClassesThat().resideInAnyPackage("io.kqlite.pgwire.codec..", "io.netty..",
            "io.kqlite.pgwire.server..")
        .check(classes);
  }

  @Test
  void translationIsPureJava() {
    noClasses().that().resideInAPackage("io.kqlite.pgwire.sql..")
        .should().dependOnClassesThat().resideInAnyPackage("io.kqlite.pgwire.session..",
            "io.kqlite.pgwire.codec..", "io.netty..", "io.kqlite.statemachine..", "java.sql..")
        .check(classes);
  }

  @Test
  void stateMachineKnowsNothingOfTheWireProtocol() {
    noClasses().that().resideInAPackage("io.kqlite.statemachine..")
        .should().dependOnClassesThat().resideInAnyPackage("io.kqlite.pgwire..", "io.netty..")
        .check(classes);
  }
}
