package houston.core.purity;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What keeps a module pure — {@code houston-core} and {@code simulations}: their production classes
 * never do I/O, read the wall clock, start threads or draw unseeded random numbers, and depend on
 * nothing but the JDK, slf4j-api and Houston's own pure packages. Time and randomness are inputs,
 * so a journal replays and a drill reruns to the same result. A module applies these rules with
 * {@code @ArchTest static final ArchTests PURE = ArchTests.in(PureModuleRules.class)} on a class
 * that imports its production packages only.
 *
 * <p>Allowed on purpose: {@code java.io.Serializable} (a marker some JDK types carry, no I/O);
 * {@code java.util.concurrent.CompletionStage} (the ports' return type: a value the adapter
 * completes on its own threads; the core never schedules anything); {@code java.util.SplittableRandom}
 * built from a seed and passed in — the simulator derives every draw from the drill's
 * {@code seed}, so its randomness is an input, like time. Its no-argument constructor (seeded
 * from the clock and a global counter) is forbidden.
 */
public final class PureModuleRules {

    private static final Set<String> ALLOWED_JAVA_IO = Set.of("java.io.Serializable");
    private static final Set<String> ALLOWED_CONCURRENT = Set.of("java.util.concurrent.CompletionStage");
    private static final Set<String> RANDOM_TYPES = Set.of("java.util.Random", "java.security.SecureRandom",
            "java.util.concurrent.ThreadLocalRandom", "java.util.UUID", "java.util.random.RandomGeneratorFactory");
    private static final Set<String> CLOCK_TYPES = Set.of("java.time.Clock", "java.time.InstantSource");

    private PureModuleRules() {
    }

    @ArchTest
    static final ArchRule onlyJdkAndSlf4j = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.slf4j..", "houston.core..", "houston.sim..")
            .because("a pure module may use only the JDK and slf4j-api (no Netty, Jackson, Micrometer, Vert.x, AWS, "
                    + "Slack or typesafe-config): adapters live in their own modules");

    @ArchTest
    static final ArchRule noIo = noClasses().should().dependOnClassesThat(
            DescribedPredicate.describe("do I/O (java.io except Serializable, java.nio.file, java.nio.channels, "
                    + "java.net, processes)", PureModuleRules::isIo))
            .because("I/O belongs to the adapters; the engine and the simulator compute on their inputs only");

    @ArchTest
    static final ArchRule noWallClock = noClasses().should().callCodeUnitWhere(
            DescribedPredicate.describe("read the wall clock (now(), currentTimeMillis, nanoTime, Clock)",
                    (JavaCall<?> call) -> readsClock(call.getTarget().getOwner(), call.getTarget().getName())))
            .orShould().dependOnClassesThat(DescribedPredicate.describe("are clocks",
                    (JavaClass c) -> CLOCK_TYPES.contains(c.getName())))
            .because("time is the step's `now` argument: a replay must see the same time");

    @ArchTest
    static final ArchRule noThreads = noClasses().should().dependOnClassesThat(
            DescribedPredicate.describe("run code on other threads (Thread, Timer, executors)", PureModuleRules::isThreading))
            .because("a step is one call on the caller's thread: its order of events is its inputs' order");

    @ArchTest
    static final ArchRule noUnseededRandomness = noClasses().should().callCodeUnitWhere(
            DescribedPredicate.describe("draw unseeded random numbers", (JavaCall<?> call) -> isUnseededRandom(call)))
            .orShould().dependOnClassesThat(DescribedPredicate.describe("are random sources other than a seeded "
                    + "SplittableRandom", (JavaClass c) -> RANDOM_TYPES.contains(c.getName())))
            .because("randomness is an input (a seed passed in), so a drill reruns to the same result");

    private static boolean isIo(JavaClass c) {
        String name = c.getName();
        if (name.startsWith("java.io.")) {
            return !ALLOWED_JAVA_IO.contains(name);
        }
        return name.startsWith("java.nio.file.") || name.startsWith("java.nio.channels.") || name.startsWith("java.net.")
                || name.equals("java.lang.ProcessBuilder") || name.equals("java.lang.Process")
                || name.equals("java.lang.Runtime");
    }

    private static boolean isThreading(JavaClass c) {
        String name = c.getName();
        if (name.startsWith("java.util.concurrent.")) {
            return !ALLOWED_CONCURRENT.contains(name);
        }
        return name.equals("java.lang.Thread") || name.startsWith("java.lang.Thread$") || name.equals("java.util.Timer")
                || name.equals("java.util.TimerTask");
    }

    private static boolean readsClock(JavaClass owner, String method) {
        String name = owner.getName();
        return (name.startsWith("java.time.") && method.equals("now"))
                || (name.equals("java.lang.System") && (method.equals("currentTimeMillis") || method.equals("nanoTime")));
    }

    private static boolean isUnseededRandom(JavaCall<?> call) {
        String owner = call.getTarget().getOwner().getName();
        String method = call.getTarget().getName();
        boolean mathRandom = (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath")) && method.equals("random");
        boolean unseededSplittable = owner.equals("java.util.SplittableRandom") && method.equals("<init>")
                && call.getTarget().getRawParameterTypes().isEmpty();
        boolean defaultGenerator = owner.equals("java.util.random.RandomGenerator") && (method.equals("getDefault")
                || method.equals("of"));
        return mathRandom || unseededSplittable || defaultGenerator;
    }
}
