package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.files.SymbolicLinks;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.rules.Product;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a migration's rules work: a whole-version run mounts the installation root; {@code config}, {@code data}
 * and {@code models} mount the given path at the product's place for it.
 */
final class RunMounts {

    private RunMounts() {
    }

    /**
     * @param request the run request
     * @param product the product's layout
     * @return what the workspace shows, and where it comes from
     */
    static List<Mount> of(RunRequest request, Product product) {
        Path given = request.target().toAbsolutePath().normalize();
        if (!Files.exists(given)) {
            throw new InputFailure(ErrorCode.USAGE, given + ": no such file or folder; check the path");
        }
        // a path given as a symbolic link (/srv/serve/current) mounts what it points at: the link stays a link
        Path path = SymbolicLinks.followed(given);
        String logical = switch (request.scope()) {
            case VERSION -> "";
            case CONFIG -> place(product.configFile(), product, "config file", "config --config");
            case DATA -> Files.isDirectory(path) ? place(product.dataFolder(), product, "data folder", "data --data-path")
                    : RelativePath.join(place(product.dataFolder(), product, "data folder", "data --data-path"),
                    path.getFileName().toString());
            case MODELS -> place(product.modelsFolder(), product, "models folder", "models --models-path");
        };
        if (request.scope() == Scope.CONFIG && Files.isDirectory(path)) {
            throw new InputFailure(ErrorCode.USAGE, path + ": --config names a folder; give the configuration file");
        }
        if (request.scope() == Scope.MODELS && !Files.isDirectory(path)) {
            throw new InputFailure(ErrorCode.USAGE, path + ": --models-path must be a folder of model folders");
        }
        return List.of(new Mount(logical, path));
    }

    /** The place a sub-command mounts its path at, or a usage failure when the product declares none. */
    private static String place(Optional<String> declared, Product product, String what, String command) {
        return declared.orElseThrow(() -> new InputFailure(ErrorCode.USAGE, "product '" + product.name() + "' declares no "
                + what + ", so 'migrate " + command + "' has no place to put it; migrate the whole installation with"
                + " 'migrate version'"));
    }
}
