package dev.srm.api;

import java.util.List;

/**
 * The subjects of a responsibility matrix and the settings to evaluate them with.
 * <pre>{@code
 * MatrixRequest.of("Lambda").config("PackageType=Image")
 * }</pre>
 *
 * @param subjects {@code SERVICE}, {@code SERVICE:VARIANT}, {@code SERVICE:*} (every variant its
 *                 CloudFormation types reach) or a CloudFormation type; none means every catalogued service
 * @param config   {@code KEY=VALUE} settings of every subject's resource ({@code A.B=v} for nested properties,
 *                 {@code A[0].B=v} for lists)
 */
public record MatrixRequest(List<String> subjects, List<String> config) {
    public MatrixRequest {
        subjects = List.copyOf(subjects);
        config = List.copyOf(config);
    }

    public static MatrixRequest of(String... subjects) {
        return new MatrixRequest(List.of(subjects), List.of());
    }

    /** This request with one more setting. */
    public MatrixRequest config(String keyEqualsValue) {
        List<String> all = new java.util.ArrayList<>(config);
        all.add(keyEqualsValue);
        return new MatrixRequest(subjects, all);
    }
}
