package dev.srm.facts;

/** Who is responsible for a layer of a resource. */
public enum Party {
    AWS, CUSTOMER, SHARED
}
