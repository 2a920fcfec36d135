package dev.srm.server;

/** Ends a request with a problem answer; thrown by the routes, turned into JSON by one handler. */
final class HttpError extends RuntimeException {
    private final Problem problem;

    HttpError(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    static HttpError of(int status, String kind, String title, String detail) {
        return new HttpError(Problem.of(status, kind, title, detail));
    }

    Problem problem() {
        return problem;
    }
}
