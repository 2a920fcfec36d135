package dev.srm.api;

import java.util.ServiceLoader;

/**
 * srm's HTTP server ({@code srm serve}) as the command line sees it: started over a loaded
 * {@link Srm}, it answers until {@link #close()} (which lets requests in flight finish and refuses
 * new ones). The implementation lives in {@code dev.srm.server} and is found with
 * {@link ServiceLoader}, so that neither the command line nor this package depends on it.
 */
public interface Server extends AutoCloseable {
    /** Starts servers; registered in {@code META-INF/services/dev.srm.api.Server$Provider}. */
    interface Provider {
        /** Binds and starts answering; throws (USAGE or INPUT) with one line when it cannot. */
        Server start(Srm srm, ServeOptions options);
    }

    /** The provider on the class path; throws (INTERNAL) when srm was built without the server. */
    static Provider provider() {
        return ServiceLoader.load(Provider.class).findFirst()
                .orElseThrow(() -> SrmException.output("this build of srm has no HTTP server"));
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8787}. */
    String url();

    /** The port bound (the chosen one when 0 was asked). */
    int port();

    /** Blocks until the server has stopped. */
    void awaitStop() throws InterruptedException;

    /** Stops gracefully: refuses new requests, lets those in flight finish (up to the time limit), then stops. */
    @Override
    void close();
}
