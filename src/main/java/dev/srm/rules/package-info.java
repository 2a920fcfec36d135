/** Finding and reading rule packs (DRL files and the data beside them); no Drools API here. */
package dev.srm.rules;
