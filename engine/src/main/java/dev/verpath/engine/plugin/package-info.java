/**
 * Where rules come from: {@link dev.verpath.engine.plugin.RuleSetLoader} finds the built-in rule sets (PF4J
 * extensions on the class path) and the plugin archives of the plugin folders, refuses the archives that do
 * not fit before any of their classes load (pinning by SHA-256, duplicate ids, the rules-api range, a bundled
 * API), loads the others through PF4J, and builds the {@link dev.verpath.engine.plugin.RuleRegistry}, which
 * refuses two sources claiming one edge and kind unless {@code [plugins] prefer} picks one.
 * {@link dev.verpath.engine.plugin.LoadedRules} reports every archive, loaded or refused.
 */
package dev.verpath.engine.plugin;
