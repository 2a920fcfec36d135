package dev.srm.fuzz;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How many cases each fuzz property tries and from which seed, for every property of the
 * suite (added with {@code @AddLifecycleHook(FuzzSettings.class)}).
 * <ul>
 *   <li>{@code -Dsrm.fuzz.tries=N}: cases per property (default {@value #DEFAULT_TRIES}, which keeps the
 *       suite under 30 s; a long run gives thousands);</li>
 *   <li>{@code -Dsrm.fuzz.seed=S}: the seed (default {@value #DEFAULT_SEED}, so that {@code mvn verify}
 *       tries the same cases every time); {@code random} draws a new one, which jqwik prints on failure.</li>
 * </ul>
 * Results never depend on jqwik's database of earlier failures: a failure is not re-run with its
 * old seed ({@code AfterFailureMode.RANDOM_SEED} with the fixed seed set above means: the seed
 * given here, whatever happened before), and the database lives under {@code target/}
 * ({@code junit-platform.properties}).
 */
public final class FuzzSettings implements AroundPropertyHook {
    static final int DEFAULT_TRIES = 25;
    static final String DEFAULT_SEED = "20261202";

    /** Cases per property, as the run asks. */
    static int tries() {
        return Integer.getInteger("srm.fuzz.tries", DEFAULT_TRIES);
    }

    /** Every property of a class that adds the hook, not only the class. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyAttributes attributes = context.attributes();
        attributes.setTries(tries());
        String seed = System.getProperty("srm.fuzz.seed", DEFAULT_SEED);
        if (!"random".equals(seed)) {
            attributes.setSeed(seed);
        }
        attributes.setAfterFailure(AfterFailureMode.RANDOM_SEED);
        return property.execute();
    }
}
