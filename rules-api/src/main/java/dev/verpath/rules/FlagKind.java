package dev.verpath.rules;

/** What values a flag takes (see {@link FlagDescriptor}); the engine checks a flag's value against it when settings load. */
public enum FlagKind {
    /** {@code true} or {@code false} (also {@code 1}/{@code 0}, {@code yes}/{@code no}, {@code on}/{@code off}, any case). */
    BOOLEAN,
    /** A whole number that fits a {@code long}. */
    INTEGER,
    /** One of the flag's {@linkplain FlagDescriptor#choices() choices}, spelled as declared. */
    CHOICE,
    /** Any text. */
    TEXT
}
