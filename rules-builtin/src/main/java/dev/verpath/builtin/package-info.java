/**
 * The built-in rule set of the {@code serve} product ({@link dev.verpath.builtin.ServeRuleSet}), with
 * its config, data and model rules and its validation rules in sub-packages.
 */
package dev.verpath.builtin;
