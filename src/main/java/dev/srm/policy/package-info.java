/**
 * What happens to findings after the evaluation: waivers (accepted risks with an owner and an end
 * date), stable fingerprints, baselines (NEW, UNCHANGED, FIXED) and the difference between two reports.
 * Uses {@code model} only.
 */
package dev.srm.policy;
