/** Reads srm scenario files (YAML or JSON), checks them against the JSON Schema and turns them into typed values. */
package dev.srm.input.scenario;
