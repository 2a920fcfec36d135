package dev.srm.input.cloudformation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Placeholder values for CloudFormation's pseudo parameters, which only a deployment knows.
 * They are documented (docs/cloudformation.md) and may be replaced with {@code --parameter
 * AWS::Region=eu-west-1}; {@code AWS::NoValue} removes the property it is in.
 */
final class Pseudo {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final List<String> NAMES = List.of("AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::URLSuffix",
            "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs", "AWS::NoValue");

    private Pseudo() {
    }

    static boolean isPseudo(String name) {
        return NAMES.contains(name);
    }

    /** The value of each pseudo parameter for a stack called {@code stackName}, with the given overrides. */
    static Map<String, Node> values(String stackName, Map<String, Node> given) {
        String region = text(given.get("AWS::Region"), REGION);
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        String account = text(given.get("AWS::AccountId"), ACCOUNT);
        String name = text(given.get("AWS::StackName"), stackName);
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("AWS::AccountId", Node.Scalar.of(account));
        out.put("AWS::Region", Node.Scalar.of(region));
        out.put("AWS::Partition", Node.Scalar.of(text(given.get("AWS::Partition"), partition)));
        out.put("AWS::URLSuffix", Node.Scalar.of(text(given.get("AWS::URLSuffix"),
                partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com")));
        out.put("AWS::StackName", Node.Scalar.of(name));
        out.put("AWS::StackId", Node.Scalar.of(text(given.get("AWS::StackId"), "arn:" + partition + ":cloudformation:" + region
                + ":" + account + ":stack/" + name + "/00000000-0000-0000-0000-000000000000")));
        out.put("AWS::NotificationARNs", given.getOrDefault("AWS::NotificationARNs", new Node.Seq(List.of(), Node.Pos.NONE)));
        out.put("AWS::NoValue", new Node.Absent(Node.Pos.NONE));
        return out;
    }

    /**
     * The pseudo parameters whose value is srm's placeholder, not one given (AWS::Partition and
     * AWS::URLSuffix follow a given AWS::Region): a condition that compares one of them is not
     * decided by the placeholder.
     */
    static java.util.Set<String> placeholders(Map<String, Node> given) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        boolean region = given.get("AWS::Region") instanceof Node.Scalar;
        for (String name : List.of("AWS::AccountId", "AWS::Region", "AWS::StackName", "AWS::StackId")) {
            if (!(given.get(name) instanceof Node.Scalar)) {
                out.add(name);
            }
        }
        for (String name : List.of("AWS::Partition", "AWS::URLSuffix")) {
            if (!region && !(given.get(name) instanceof Node.Scalar)) {
                out.add(name);
            }
        }
        return out;
    }

    private static String text(Node n, String fallback) {
        return n instanceof Node.Scalar s && s.text() != null ? s.text() : fallback;
    }
}
