package dev.srm.server;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the work of requests on a bounded pool, each within the time limit. Work past the limit is
 * interrupted and its request answered with 503; the interrupt halts the request's rule session
 * (the engine's time limit, as {@code --timeout} does on the command line). A full queue is
 * answered with 503 at once.
 */
final class Workers implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final Duration limit;

    Workers(int threads, int queue, Duration limit) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "srm-serve-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.limit = limit;
    }

    <T> T run(Callable<T> work) throws Exception {
        Future<T> f;
        try {
            f = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw HttpError.of(503, "busy", "Too many requests in flight",
                    "srm serve has " + pool.getQueue().size() + " requests waiting; try again shortly");
        }
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw HttpError.of(503, "time-limit", "Time limit exceeded", "the request took longer than " + seconds()
                    + " (--time-limit) and was stopped; the rules may be looping on this input");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(cause);
        }
    }

    private String seconds() {
        long ms = limit.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** Requests running or waiting. */
    int busy() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
