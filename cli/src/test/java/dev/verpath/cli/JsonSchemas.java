package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON Schemas the cli ships (dev/verpath/cli/schema/), loaded by their {@code $id} from the class path, and the
 * check that a command's stdout conforms to one.
 */
final class JsonSchemas {

    /** Where every schema's {@code $id} starts. */
    static final String ID_PREFIX = "https://verpath.dev/schema/1/";

    /** Where the schema files are in the jar. */
    static final String FOLDER = "dev/verpath/cli/schema/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + FOLDER)));

    private JsonSchemas() {
    }

    /**
     * @param name the file name without {@code .schema.json}: {@code backups-list}
     * @return the schema, its references resolved
     */
    static Schema named(String name) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + name + ".schema.json"));
        schema.initializeValidators();
        return schema;
    }

    /** @return the 2020-12 meta-schema, which every shipped schema must satisfy */
    static Schema metaSchema() {
        return REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    }

    /**
     * Checks that a run printed one JSON document that conforms to the named schema.
     *
     * @param run  the run
     * @param name the schema's name
     */
    static void assertConforms(CommandRun run, String name) {
        run.json(); // exactly one document, or the test fails naming stdout
        List<Error> errors = named(name).validate(run.out(), InputFormat.JSON);
        assertThat(errors).as("%s.schema.json against:%n%s%nerrors:%n%s", name, run.out(),
                errors.stream().map(Error::toString).collect(Collectors.joining("\n"))).isEmpty();
    }
}
