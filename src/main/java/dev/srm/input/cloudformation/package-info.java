/** Reads CloudFormation, SAM and CDK templates into scenarios, resolving intrinsic functions where the template decides the value. */
package dev.srm.input.cloudformation;
