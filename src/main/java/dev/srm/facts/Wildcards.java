package dev.srm.facts;

import java.util.regex.Pattern;

/**
 * The wildcard matches of AWS services other than IAM (whose match, case-insensitive with
 * {@code ?}, is {@link PolicyStatement}'s): case-sensitive, {@code *} for any run of characters.
 */
public final class Wildcards {
    private Wildcards() {
    }

    /** Whether {@code text} matches {@code pattern} whole, {@code *} standing for any run of characters (AWS Backup's ARNs, conditions). */
    public static boolean matches(String pattern, String text) {
        if (pattern == null || text == null) {
            return false;
        }
        String[] pieces = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(pieces[i]));
        }
        return Pattern.matches(regex.toString(), text);
    }

    /**
     * Whether an ECR registry scanning filter takes in a repository name: "Filters with no wildcard
     * will match all repository names that contain the filter. Filters with wildcards (*) match on a
     * repository name where the wildcard replaces zero or more characters"
     * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-enhanced-enabling.html).
     */
    public static boolean ecrRepositoryFilter(String filter, String repositoryName) {
        if (filter == null || repositoryName == null) {
            return false;
        }
        return filter.contains("*") ? matches(filter, repositoryName) : repositoryName.contains(filter);
    }
}
