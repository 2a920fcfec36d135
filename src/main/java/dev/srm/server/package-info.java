/**
 * {@code srm serve}: HTTP routes over the facade ({@code dev.srm.api}) and the static web page.
 * The pack is loaded once; every request is bounded (body size, the time its headers and body
 * take to arrive, evaluation time, idle connection, open connections), checked
 * like the command line's input and answered with the command line's JSON, or with a JSON problem
 * carrying the command line's one-line message. Rules are never accepted over HTTP.
 */
package dev.srm.server;
