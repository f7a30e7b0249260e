package dev.verpath.engine.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * PF4J's two descriptor finders in PF4J's own order, {@code plugin.properties} first, then the manifest, with the
 * first asked only where the archive or folder holds a {@code plugin.properties}. PF4J's compound finder asks it of
 * every archive, and it opens each jar as a zip file system to look (5-8 ms a plugin of every command that loads
 * plugins, bench/README.md, issue 30) and logs the file's absence as an error. A {@code plugin.properties} that
 * cannot be read falls back to the manifest, as in PF4J.
 */
final class DescriptorFinder implements PluginDescriptorFinder {

    private static final String PROPERTIES = "plugin.properties";

    private final PropertiesPluginDescriptorFinder properties = new PropertiesPluginDescriptorFinder();
    private final ManifestPluginDescriptorFinder manifest = new ManifestPluginDescriptorFinder();

    @Override
    public boolean isApplicable(Path pluginPath) {
        return properties.isApplicable(pluginPath) || manifest.isApplicable(pluginPath);
    }

    @Override
    public PluginDescriptor find(Path pluginPath) {
        if (holdsProperties(pluginPath) && properties.isApplicable(pluginPath)) {
            try {
                PluginDescriptor found = properties.find(pluginPath);
                if (found != null) {
                    return found;
                }
            } catch (RuntimeException e) {
                // the manifest may still describe it, as PF4J's own order has it
            }
        }
        if (manifest.isApplicable(pluginPath)) {
            return manifest.find(pluginPath);
        }
        throw new PluginRuntimeException("No PluginDescriptorFinder for plugin '{}'", pluginPath);
    }

    private static boolean holdsProperties(Path pluginPath) {
        if (Files.isDirectory(pluginPath)) {
            return Files.isRegularFile(pluginPath.resolve(PROPERTIES));
        }
        try (ZipFile archive = new ZipFile(pluginPath.toFile())) {
            return archive.getEntry(PROPERTIES) != null;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // not a readable archive: the manifest finder says why
        }
    }
}
