package dev.srm.server;

import dev.srm.report.Json;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the body of every request before any route sees it, without a thread while it arrives,
 * and within a deadline ({@code --body-timeout}), as a front proxy buffers request bodies: the
 * bytes are taken as Jetty's selector reports them (a demand callback that copies what is there
 * and returns), and the request is handed on, with its body in memory, once the last byte is in.
 * The routes then read a body that is already there, so neither a request thread nor a
 * {@link Workers} thread waits on a slow client. A body that has not arrived by the deadline, or
 * whose connection stalls past the idle timeout, is answered here with a 408 problem and the
 * connection is closed.
 *
 * <p>The size limit stays the routes' ({@link Bodies}): at most {@code max + 1} bytes are kept,
 * so that they can tell a body over the limit; past that, up to {@link Bodies#DRAIN} bytes are
 * read and dropped (so that the client reads the 413 instead of a reset), and a body declared
 * larger than the limit keeps nothing.
 */
final class BodyDeadline extends Handler.Wrapper {
    private final long max;
    private final Duration deadline;

    BodyDeadline(long max, Duration deadline) {
        this.max = max;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        HeaderDeadline.begin(request);
        long declared = -1;
        boolean expected = false;
        for (HttpField f : request.getHeaders()) {
            if (f.getHeader() == HttpHeader.CONTENT_LENGTH) {
                declared = f.getLongValue();
                expected = declared > 0;
            } else if (f.getHeader() == HttpHeader.TRANSFER_ENCODING) {
                expected |= f.contains(HttpHeaderValue.CHUNKED.asString());
            }
        }
        if (!expected) {
            return next.handle(request, response, callback);
        }
        new Reading(next, request, response, callback, declared > max ? 0 : Math.min(max, Integer.MAX_VALUE - 9) + 1).start();
        return true;
    }

    /** One body on its way in. Every step holds the lock: the demand callback, the deadline and the hand-on never overlap. */
    private final class Reading {
        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long keep;
        /** It only copies what is there, asks for more and returns: Jetty may run it on the selector thread itself. */
        private final Runnable onContent = Invocable.from(Invocable.InvocationType.NON_BLOCKING, this::onContent);
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private long read;
        private boolean done;
        private Scheduler.Task timer;
        /** While {@link #start()} runs on the request's own thread: a body already in is handed on there, not on another. */
        private boolean starting;
        private Request buffered;

        Reading(Handler next, Request request, Response response, Callback callback, long keep) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.keep = keep;
        }

        void start() {
            synchronized (this) {
                timer = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
                starting = true;
            }
            onContent();
            boolean ready;
            synchronized (this) {
                starting = false;
                ready = buffered != null;
            }
            if (ready) {
                process(); // the body came with the headers, the usual case
            }
        }

        /** The demand callback: takes every chunk there is, then asks for more and returns. */
        private void onContent() {
            synchronized (this) {
                while (!done) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(onContent);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        failed(chunk.getFailure());
                        return;
                    }
                    ByteBuffer bytes = chunk.getByteBuffer();
                    int n = bytes.remaining();
                    if (body.size() < keep) {
                        int take = (int) Math.min(n, keep - body.size());
                        byte[] copy = new byte[take];
                        bytes.get(copy);
                        body.write(copy, 0, take);
                    }
                    read += n;
                    boolean last = chunk.isLast();
                    chunk.release();
                    if (last || (overLimit() && read >= Bodies.DRAIN)) {
                        handOn();
                        return;
                    }
                }
            }
        }

        /** The route's answer no longer depends on the rest: the body is over the limit (413), or it was declared so. */
        private boolean overLimit() {
            return keep == 0 || body.size() > max;
        }

        /** At the deadline: takes back a pending demand (run, it finds the reading done and returns), and answers 408. */
        private void expire() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true; // first: failing the request runs the pending demand callback, maybe here and now
                // Failing the request's content takes back the pending demand: a request may only complete without one.
                request.fail(new TimeoutException("the request body did not arrive within " + seconds(deadline)));
                if (overLimit()) {
                    handOn(); // the 413 does not wait for the rest of a body it refuses anyway
                    return;
                }
            }
            answer(408, "request-timeout", "The body did not arrive", "the request body did not arrive within " + seconds(deadline)
                    + " (--body-timeout; " + read + " bytes came); the connection is closed");
        }

        private void failed(Throwable failure) {
            if (overLimit()) {
                handOn();
                return;
            }
            done = true;
            timer.cancel();
            if (failure instanceof HttpException bad && bad.getCode() != 408) { // a malformed chunked body, say
                answer(bad.getCode(), "bad-request", "Bad request", "the request body cannot be read: " + bad.getReason());
            } else {
                answer(408, "request-timeout", "The body did not arrive", "the request body stopped arriving ("
                        + (failure instanceof TimeoutException ? "nothing for the idle timeout, --idle-timeout" : String.valueOf(failure.getMessage()))
                        + "; " + read + " bytes came); the connection is closed");
            }
        }

        /**
         * The body is in (or what is left of it does not matter). The route runs on the request's thread when the
         * body came while {@link #start()} ran, else on a thread of its own: Jetty asks that demand callbacks do not block.
         */
        private void handOn() {
            done = true;
            timer.cancel();
            buffered = new Buffered(request, body.toByteArray());
            if (!starting) {
                request.getContext().execute(this::process);
            }
        }

        private void process() {
            try {
                if (!next.handle(buffered, response, callback)) {
                    Response.writeError(buffered, response, callback, 404);
                }
            } catch (Throwable t) {
                Response.writeError(buffered, response, callback, t);
            }
        }

        private void answer(int status, String kind, String title, String detail) {
            byte[] bytes;
            try {
                bytes = (Json.writer().writeValueAsString(Problem.of(status, kind, title, detail)) + "\n").getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                bytes = (detail + "\n").getBytes(StandardCharsets.UTF_8);
            }
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** The request as the routes see it: its body from memory, at once. */
    private static final class Buffered extends Request.Wrapper {
        private final ByteBufferContentSource body;

        Buffered(Request wrapped, byte[] bytes) {
            super(wrapped);
            this.body = new ByteBufferContentSource(ByteBuffer.wrap(bytes));
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }

        @Override
        public boolean consumeAvailable() {
            for (Content.Chunk c = body.read(); c != null; c = body.read()) {
                c.release();
                if (c.isLast()) {
                    break;
                }
            }
            return super.consumeAvailable();
        }
    }
}
