/** Mappings as data: turns a source resource (a Terraform instance, an AWS Config item) into CloudFormation-shaped configuration as the files under {@code rules/importers/} say. */
package dev.srm.input.mapping;
