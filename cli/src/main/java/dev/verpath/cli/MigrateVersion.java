package dev.verpath.cli;

import dev.verpath.rules.RulesApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What {@code migrate --version} prints: the command's version and the rules API it implements. */
final class MigrateVersion implements IVersionProvider {

    /** @return the version of this build, as Maven recorded it */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = MigrateVersion.class.getResourceAsStream("migrate-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of migrate", e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"migrate " + version() + " (rules API " + RulesApi.VERSION + ")"};
    }
}
