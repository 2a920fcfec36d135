package dev.srm.model;

/**
 * Where a resource was read from, so that every report can send a person back to it.
 *
 * @param file       the input file as the user named it; null only on a resource spec whose reader left it to the
 *                   scenario's file (see {@link #inFile(String)})
 * @param line       the line the resource starts on in {@code file}, 0 when unknown (a gzipped snapshot, an API result)
 * @param pointer    the JSON pointer of the resource in {@code file} ({@code /resources/2},
 *                   {@code /planned_values/root_module/child_modules/0/resources/1}: it says which part of a plan the
 *                   values came from), or null
 * @param address    the resource's name inside the input: a Terraform address with its module path
 *                   ({@code module.logs.aws_s3_bucket.trail}), a template's logical id, the id of the Security Hub
 *                   finding it was read from; or null
 * @param arn        the resource's ARN when the input gives one (AWS Config, ASFF), or null
 * @param capturedAt when AWS Config recorded the item ({@code configurationItemCaptureTime}), or null
 * @param account    the AWS account the input says the resource is in, or null
 * @param region     the AWS Region the input says the resource is in, or null
 */
public record Origin(String file, int line, String pointer, String address, String arn, String capturedAt, String account,
                     String region) {
    public Origin {
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or more: " + line);
        }
        pointer = blankToNull(pointer);
        address = blankToNull(address);
        arn = blankToNull(arn);
        capturedAt = blankToNull(capturedAt);
        account = blankToNull(account);
        region = blankToNull(region);
    }

    /** A place in a file: a line (0 when unknown) and a JSON pointer (may be null). */
    public static Origin at(String file, int line, String pointer) {
        return new Origin(file, line, pointer, null, null, null, null, null);
    }

    /** A line of the scenario's own file, for readers that know no more (the file is filled in later). */
    public static Origin line(int line) {
        return at(null, Math.max(line, 0), null);
    }

    /** This origin with the resource's name inside the input. */
    public Origin named(String newAddress) {
        return new Origin(file, line, pointer, newAddress, arn, capturedAt, account, region);
    }

    /** This origin in {@code scenarioFile} when it names no file of its own. */
    public Origin inFile(String scenarioFile) {
        return file != null ? this : new Origin(scenarioFile, line, pointer, address, arn, capturedAt, account, region);
    }

    /**
     * One short line for people: {@code plan.json:57 module.logs.aws_s3_bucket.trail},
     * {@code snapshot.json.gz arn:aws:s3:::logs captured 2026-03-01T10:00:00.000Z (account 111122223333, eu-west-1)},
     * {@code template.yaml:12 Bucket}. The pointer is shown only when there is no line.
     */
    public String describe() {
        StringBuilder b = new StringBuilder(file == null ? "" : file);
        if (line > 0) {
            b.append(':').append(line);
        } else if (pointer != null) {
            b.append(b.isEmpty() ? "" : " ").append(pointer);
        }
        if (address != null) {
            b.append(b.isEmpty() ? "" : " ").append(address);
        }
        if (arn != null && !arn.equals(address)) {
            b.append(b.isEmpty() ? "" : " ").append(arn);
        }
        if (capturedAt != null) {
            b.append(" captured ").append(capturedAt);
        }
        if (account != null || region != null) {
            b.append(" (").append(account == null ? "" : "account " + account)
                    .append(account != null && region != null ? ", " : "").append(region == null ? "" : region).append(')');
        }
        return b.toString().trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
