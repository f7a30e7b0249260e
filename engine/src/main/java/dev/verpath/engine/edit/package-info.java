/**
 * Lossless edits of whole TOML and JSON documents: a rule's edit changes the bytes of what it names and keeps
 * every other byte (comments, order, spacing, number spelling) as it was. {@link dev.verpath.engine.edit.TomlText}
 * and {@link dev.verpath.engine.edit.EditedJson} are what {@code RuleContext.editToml} and {@code editJson} run on.
 */
package dev.verpath.engine.edit;
