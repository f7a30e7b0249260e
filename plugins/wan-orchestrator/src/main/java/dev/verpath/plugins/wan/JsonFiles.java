package dev.verpath.plugins.wan;

import dev.verpath.rules.JsonDocument;
import dev.verpath.rules.RuleFailure;
import java.io.IOException;

/**
 * Reads the installation's JSON files through the engine: {@code context::readJson} of a rule's or a validation's
 * context, so a rule and a validation read {@code config.json} the same way.
 */
@FunctionalInterface
interface JsonFiles {

    /**
     * @param path a file, relative to the installation
     * @return the document, to read
     * @throws RuleFailure naming the line when it is not a JSON object
     * @throws IOException when it cannot be read
     */
    JsonDocument read(String path) throws IOException;
}
