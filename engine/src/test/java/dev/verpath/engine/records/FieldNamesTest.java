package dev.verpath.engine.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    /** Every name as a field of one object, written through the table or as plain strings. */
    private static String written(List<String> names, FieldNames table) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            for (String name : names) {
                if (table == null) {
                    generator.writeFieldName(name);
                } else {
                    table.write(generator, name);
                }
                generator.writeNumber(1);
            }
            generator.writeEndObject();
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void writesTheSameBytesAsTheGeneratorForAnyName() throws Exception {
        List<String> names = new ArrayList<>(List.of("id", "client_ip", "é", "日本", "\uD83D\uDE00", "a\"b", "a\\b",
                "tab\there", "nl\n", "\u0001", "", " ", "~", "\u007F", "id", "client_ip"));
        for (int i = 0; i < 600; i++) {
            names.add("f" + (i % 400)); // more names than the table keeps, and each twice
        }
        FieldNames table = new FieldNames();
        assertThat(written(names, table)).isEqualTo(written(names, null));
        assertThat(written(names, table)).isEqualTo(written(names, null));
    }
}
