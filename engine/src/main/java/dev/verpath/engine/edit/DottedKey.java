package dev.verpath.engine.edit;

/** A dotted key ({@code table.key}) of a TOML document: its last name, the table it is in, a key joined to a table. */
final class DottedKey {

    private DottedKey() {
    }

    /** @return the last name of a key */
    static String leaf(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /** @return the table a key is in, "" for the top */
    static String parent(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    /** @return a key in a table ("" for the top) */
    static String join(String table, String key) {
        return table.isEmpty() ? key : table + "." + key;
    }
}
