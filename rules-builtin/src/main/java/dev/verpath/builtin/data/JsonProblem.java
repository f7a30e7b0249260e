package dev.verpath.builtin.data;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What is wrong with a line that does not parse, in the parser's words but without its internals: the first
 * line of its message, cut before any source location (the finding names the file and line itself).
 */
final class JsonProblem {

    private JsonProblem() {
    }

    static String of(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage().lines().findFirst().orElse("");
        for (String internal : new String[] {" (start marker at [Source:", " at [Source:", "[Source:"}) {
            int at = message.indexOf(internal);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        return message.strip().isEmpty() ? "malformed JSON" : message.strip();
    }
}
