package dev.srm.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that keeps sending bytes without ever completing a request's headers:
 * Jetty parses headers without a thread, but such a client would hold one of the
 * {@code --max-connections} for as long as it sends a byte before each idle timeout (8 KiB of
 * headers at a byte every 9 s is 20 hours). Every {@code --body-timeout} each connection is
 * looked at: if bytes came in since the last look while no request was begun or being answered,
 * then or now, its headers have been arriving for at least that long and it is closed. A request's
 * headers thus have between one and two deadlines to arrive; its body then has one
 * ({@link BodyDeadline}). An idle connection is left to the idle timeout.
 */
final class HeaderDeadline implements Connection.Listener {
    /** The connection attribute that says a request of it is being read or answered. */
    private static final String ACTIVE = HeaderDeadline.class.getName() + ".active";

    private final Scheduler scheduler;
    private final long period;

    HeaderDeadline(Scheduler scheduler, Duration deadline) {
        this.scheduler = scheduler;
        this.period = deadline.toMillis();
    }

    /** Marks the request's connection busy until the request completes (called as each request begins). */
    static void begin(Request request) {
        ConnectionMetaData connection = request.getConnectionMetaData();
        connection.setAttribute(ACTIVE, Boolean.TRUE);
        Request.addCompletionListener(request, failure -> connection.removeAttribute(ACTIVE));
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof ConnectionMetaData meta) {
            new Watch(connection, meta).schedule();
        }
    }

    /** What one connection had received at the last look. */
    private final class Watch implements Runnable {
        private final Connection connection;
        private final ConnectionMetaData meta;
        private long bytes;
        private long requests;
        private boolean wasActive;

        Watch(Connection connection, ConnectionMetaData meta) {
            this.connection = connection;
            this.meta = meta;
        }

        void schedule() {
            scheduler.schedule(this, period, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long b = connection.getBytesIn();
            long r = connection.getMessagesIn();
            boolean active = meta.getAttribute(ACTIVE) != null;
            if (b > bytes && r == requests && !active && !wasActive) {
                connection.close(); // headers still arriving after a whole period: a client trickling them
                return;
            }
            bytes = b;
            requests = r;
            wasActive = active;
            schedule();
        }
    }
}
