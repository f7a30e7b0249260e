/**
 * What the engine's log lines carry: the names of the fields every line of a run is tagged with ({@link LogFields}:
 * run id, product, step, rule, file, plugin) and the logger a plugin's rules get, tagged with the plugin's id
 * ({@link PluginLogger}). The engine logs through the SLF4J API alone; the backend is the CLI's.
 */
package dev.verpath.engine.log;
