package houston.core.purity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** houston-core's production classes stay pure: see {@link PureModuleRules}. */
@AnalyzeClasses(packages = "houston.core",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class CorePurityTest {

    @ArchTest
    static final ArchTests PURE = ArchTests.in(PureModuleRules.class);
}
