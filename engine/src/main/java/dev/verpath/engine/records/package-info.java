/**
 * The record pipeline: streams JSONL record files once per migration through the record rules of
 * every step, checking each record in memory at each step's version.
 */
package dev.verpath.engine.records;
