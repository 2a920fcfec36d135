package dev.srm.testing;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that takes more than a few seconds (it compiles a pack, starts a process or a
 * browser, or evaluates every bundled scenario more than once): {@code mvn test -Dgroups=slow}
 * runs only them, {@code mvn test -DexcludedGroups=slow} all the others (a quick loop while
 * working; {@code mvn -B verify} runs all). Their times are in docs/performance.md.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
