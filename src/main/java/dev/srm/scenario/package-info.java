/** Reads scenario files (YAML or JSON), checks them against the JSON Schema and turns them into typed values at the edge. */
package dev.srm.scenario;
