package org.concepthash.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the version-1 package fixture {@code src/test/resources/packages/micro-v1.zip} that the
 * encoder and package tests load: a micro run ({@link TrainedRuns#micro}) exported with concept
 * names "head" and "tail". The fixture is committed and never regenerated for a new format version:
 * a new version gets a new fixture, and the old one keeps proving that old packages still load. Run
 * from the project root:
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -Dai.djl.offline=true -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.concepthash.export.PackageFixtureGenerator
 * </pre>
 */
public final class PackageFixtureGenerator {

  public static final Path FIXTURE = Path.of("src/test/resources/packages/micro-v1.zip");

  private PackageFixtureGenerator() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("fixture");
    TrainedRuns run = TrainedRuns.micro(work);
    RunExporter.Result result =
        RunExporter.export(
            run.run(),
            FIXTURE.toAbsolutePath(),
            new RunExporter.Options(1, List.of("head", "tail")));
    System.out.println("wrote " + FIXTURE + ": " + result.manifest().id() + ", " + result.parity());
  }
}
