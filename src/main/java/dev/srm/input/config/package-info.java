/** Reads AWS Config configuration items (snapshots, history, batch and advanced-query output), streamed and grouped into one scenario per account (or account and Region), mapping item shapes by the data under {@code rules/importers/config/}. */
package dev.srm.input.config;
