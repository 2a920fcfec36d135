/** Reads AWS Security Finding Format findings (Security Hub, GuardDuty) as incidents for triage. */
package dev.srm.input.asff;
