package dev.srm.server;

import dev.srm.api.ServeOptions;
import dev.srm.api.Server;
import dev.srm.api.Srm;

/** The {@link Server.Provider} the command line finds with {@link java.util.ServiceLoader}. */
public final class JavalinProvider implements Server.Provider {
    @Override
    public Server start(Srm srm, ServeOptions options) {
        return new JavalinServer(srm, options);
    }
}
