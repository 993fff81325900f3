package houston.sim;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import houston.core.purity.PureModuleRules;

/**
 * The simulator's production classes stay pure (see {@link PureModuleRules}): a drill's world
 * runs in virtual time, and every random draw comes from the drill's seed.
 */
@AnalyzeClasses(packages = "houston.sim",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class SimulationsPurityTest {

    @ArchTest
    static final ArchTests PURE = ArchTests.in(PureModuleRules.class);
}
