package dev.verpath.testkit;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** What a rule author sees of the kit names rules-api, JUnit and the JDK, never the engine, so an engine release cannot break their tests. */
class TestKitApiTest {

    private static final List<Class<?>> PUBLIC = List.of(Fixture.class, FixtureOptions.class, Fixtures.class,
            InstallationTrees.class, MigrationCheck.class, MigrationOutcome.class, PluginArchiveCheck.class, RuleMetadata.class,
            VersionGraphCheck.class, GraphFinding.class);

    @Test
    void noPublicSignatureOfTheKitNamesAnEngineType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC) {
            Stream<Executable> members = Stream.concat(Arrays.stream(type.getMethods()), Arrays.stream(type.getConstructors()));
            members.filter(m -> Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() == type).forEach(m -> {
                List<Type> types = new ArrayList<>(Arrays.asList(m.getGenericParameterTypes()));
                types.addAll(Arrays.asList(m.getGenericExceptionTypes()));
                if (m instanceof Method method) {
                    types.add(method.getGenericReturnType());
                }
                types.stream().map(Type::getTypeName).filter(name -> name.contains("dev.verpath.engine."))
                        .forEach(name -> leaks.add(type.getSimpleName() + "." + m.getName() + ": " + name));
            });
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    if (c.getGenericType().getTypeName().contains("dev.verpath.engine.")) {
                        leaks.add(type.getSimpleName() + "." + c.getName() + ": " + c.getGenericType().getTypeName());
                    }
                }
            }
        }

        assertThat(leaks).isEmpty();
    }

    @Test
    void everyPublicTypeOfTheKitIsListedHere() throws Exception {
        List<String> listed = PUBLIC.stream().map(Class::getSimpleName).sorted().toList();
        try (Stream<java.nio.file.Path> classes = java.nio.file.Files.list(java.nio.file.Path.of(
                MigrationCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/verpath/testkit"))) {
            List<String> found = classes.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> {
                        try {
                            return Modifier.isPublic(Class.forName("dev.verpath.testkit." + n).getModifiers());
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    }).sorted().toList();
            assertThat(found).isEqualTo(listed);
        }
    }
}
