/** Reads the JSON of Terraform plans and states ({@code terraform show -json}) into scenarios, mapping AWS provider types by the data under {@code rules/importers/terraform/}. */
package dev.srm.input.terraform;
