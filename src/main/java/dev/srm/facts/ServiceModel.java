package dev.srm.facts;

/** How much of the stack a service leaves to the customer. */
public enum ServiceModel {
    IAAS, PAAS, SERVERLESS
}
