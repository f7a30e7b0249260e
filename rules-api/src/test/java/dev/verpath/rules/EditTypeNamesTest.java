package dev.verpath.rules;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** A rule author who imports java.util.Set and java.util.Map never meets a nested edit type of the same name. */
class EditTypeNamesTest {

    private static final List<String> JAVA_UTIL = Stream.of(java.util.Set.class, java.util.Map.class, java.util.List.class,
            java.util.Optional.class, java.util.Objects.class).map(Class::getSimpleName).toList();

    @Test
    void noNestedTypeOfTheEditsShadowsACollectionOfJavaUtil() {
        List<String> nested = Stream.of(RecordEdit.class, TomlEdit.class).flatMap(t -> Arrays.stream(t.getDeclaredClasses()))
                .map(Class::getSimpleName).toList();

        assertThat(nested).isNotEmpty().doesNotContainAnyElementsOf(JAVA_UTIL);
    }
}
