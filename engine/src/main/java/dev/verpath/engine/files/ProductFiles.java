package dev.verpath.engine.files;

import dev.verpath.rules.FileRole;
import dev.verpath.rules.FileRoles;
import dev.verpath.rules.Product;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * A product's file roles, compiled: which role a path plays, the first matching glob deciding (no match:
 * {@link FileRole#OTHER}). What the backup, the workspace's write guard and the validation scans ask.
 * Immutable and thread-safe; O(G) a path for G globs.
 */
public final class ProductFiles {

    /** No product known: every file is {@link FileRole#OTHER}. */
    public static final ProductFiles NONE = new ProductFiles(Optional.empty(), List.of());

    private final Optional<Product> product;
    private final List<Compiled> compiled;

    private record Compiled(FileRole role, Glob glob) {
    }

    private ProductFiles(Optional<Product> product, List<Compiled> compiled) {
        this.product = product;
        this.compiled = compiled;
    }

    /**
     * @param product a product
     * @return its roles, compiled
     * @throws IllegalArgumentException naming the glob, when one of its globs is not a glob
     */
    public static ProductFiles of(Product product) {
        return new ProductFiles(Optional.of(product), compile(product.roles()));
    }

    private static List<Compiled> compile(FileRoles roles) {
        return roles.entries().stream().map(e -> {
            try {
                return new Compiled(e.role(), Glob.of(e.glob()));
            } catch (PatternSyntaxException bad) {
                throw new IllegalArgumentException(e.role().name().toLowerCase(java.util.Locale.ROOT) + " glob '" + e.glob()
                        + "' is not a glob (" + bad.getDescription() + ")", bad);
            }
        }).toList();
    }

    /** @return the product, empty for {@link #NONE} */
    public Optional<Product> product() {
        return product;
    }

    /**
     * @param path a path relative to the installation root, {@code /} separators
     * @return the role its product gives it
     */
    public FileRole role(String path) {
        for (Compiled c : compiled) {
            if (c.glob().matches(path)) {
                return c.role();
            }
        }
        return FileRole.OTHER;
    }

    /**
     * @param path a path relative to the installation root
     * @return whether it is an immutable weight file
     */
    public boolean isWeight(String path) {
        return role(path) == FileRole.WEIGHTS;
    }

    /**
     * @param path a path relative to the installation root
     * @return whether the product declares it a weight file or it lies in the product's models folder; false when
     *         no product is known
     */
    public boolean isModelFile(String path) {
        return product.filter(p -> p.inModelsFolder(path) || isWeight(path)).isPresent();
    }

    /**
     * @param path a path relative to the installation root
     * @return whether the product declares it a data file or it lies in the product's data folder; false when no
     *         product is known
     */
    public boolean isDataFile(String path) {
        return product.filter(p -> p.inDataFolder(path) || role(path) == FileRole.DATA).isPresent();
    }

    /**
     * @param path a path relative to the installation root
     * @return whether the product declares it a configuration file, or it is the product's config file
     */
    public boolean isConfigFile(String path) {
        return role(path) == FileRole.CONFIG || product.flatMap(Product::configFile).filter(path::equals).isPresent();
    }
}
