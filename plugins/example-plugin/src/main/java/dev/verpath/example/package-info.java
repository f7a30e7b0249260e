/**
 * An example rule plugin: a hotfix 2.1.0 -> 2.1.1 of the built-in {@code serve} product that adds
 * {@code request_timeout_seconds} to the config's {@code [server]} table, and checks it is there at 2.1.1.
 * Copy the module to start a plugin of your own.
 */
package dev.verpath.example;
