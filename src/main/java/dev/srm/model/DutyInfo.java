package dev.srm.model;

/** A duty of the catalogue: its id (part of srm's output contract), its layer, title and meaning. */
public record DutyInfo(String id, String layer, String title, String meaning) {
}
