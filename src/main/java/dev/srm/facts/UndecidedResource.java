package dev.srm.facts;

/**
 * A resource the input creates only under a condition srm cannot decide ({@code reason} says
 * which and why): it is evaluated as if it exists, and a control of another resource is decided
 * only when the world without it agrees.
 */
public record UndecidedResource(String resource, String reason) {
}
