package dev.srm.engine;

import dev.srm.model.RulesLoopException;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time limit of one input's rule sessions ({@code --timeout}): the one place a session is
 * stopped when it runs too long. The bound on firings stops a rule that keeps re-triggering
 * itself, but not one that loops inside a single firing (a {@code while (true)} in an action, a
 * slow {@code eval}); so the sessions of an input run on a worker thread while the caller waits
 * until the limit. At the limit the session is halted and the worker interrupted; if it still
 * has not ended after {@link #GRACE}, it is left running (a Java thread cannot be killed) and
 * the caller is told so. Either way the caller gets a {@link RulesLoopException} naming the
 * input and the rule that was firing, and can go on with the next input.
 *
 * <p>Workers come from one cached pool of daemon threads, so that a batch reuses them and a
 * worker that cannot be stopped never keeps the process alive.
 */
final class TimeLimit {
    /** How long a halted or interrupted session has to end before it is given up. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "srm-rules-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** The work of one input: its sessions, each opened with {@link Watch#open}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Watch watch);
    }

    private final Duration limit;

    TimeLimit(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, not " + limit);
        }
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    /**
     * Runs {@code work} within the limit and returns its result. {@code what} names the input in
     * messages ({@code scenario 'shop'}), {@code file} is where it came from (may be null).
     * Throws {@link RulesLoopException} past the limit; what the work throws is rethrown as is.
     * An interrupted caller (a server request past its own limit) stops the work too.
     */
    <T> T run(String what, String file, Work<T> work) {
        Watch watch = new Watch();
        CountDownLatch ended = new CountDownLatch(1);
        Future<T> future = WORKERS.submit(() -> {
            watch.begin();
            try {
                return work.run(watch);
            } finally {
                watch.end();
                ended.countDown();
            }
        });
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String rule = watch.rule;
            boolean stopped = watch.stop(ended);
            throw RulesLoopException.timeout(limit, what, file, rule, stopped);
        } catch (InterruptedException e) {
            watch.stop(ended);
            Thread.currentThread().interrupt();
            throw new CancellationException("the evaluation of " + what + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** What the caller sees of the work: the session running now and the rule firing in it. */
    static final class Watch {
        private volatile KieSession session;
        private volatile String rule;
        private volatile boolean halted;
        private Thread worker; // guarded by this: interrupted only while it runs this work

        private final DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                rule = event.getMatch().getRule().getName();
                if (halted && event.getKieRuntime() instanceof KieSession s) {
                    s.halt(); // a halt that came before the session started firing is not kept by Drools
                }
            }
        };

        /** A new session of the pack, watched: halted if the limit is reached while it runs; none once it is reached. */
        KieSession open(RulePack pack) {
            if (halted) {
                throw new CancellationException("stopped at the time limit");
            }
            KieSession s = pack.newSession();
            s.addEventListener(listener);
            session = s;
            return s;
        }

        private synchronized void begin() {
            worker = Thread.currentThread();
        }

        private synchronized void end() {
            worker = null;
        }

        private synchronized void interruptWorker() {
            if (worker != null) {
                worker.interrupt();
            }
        }

        /** The rule that fired last (or fires now), or null. */
        String rule() {
            return rule;
        }

        /** Halts the session, interrupts the worker and says whether the work ended within the grace period. */
        private boolean stop(CountDownLatch ended) {
            halted = true;
            KieSession s = session;
            if (s != null) {
                try {
                    s.halt();
                } catch (RuntimeException e) {
                    // a session disposed in the meantime has nothing left to halt
                }
            }
            interruptWorker();
            try {
                return ended.await(GRACE.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
