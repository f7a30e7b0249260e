/**
 * JSON values as record rules see them: {@link dev.verpath.rules.json.JsonValue} and its six kinds. Verpath's own
 * types, so a plugin's compatibility does not depend on the JSON library the engine uses.
 */
package dev.verpath.rules.json;
