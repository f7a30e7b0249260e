package dev.verpath.plugins.wan;

import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code [[models."<id>".files]]} entry of the manifest: a file of a model folder with its real size
 * and SHA-256, the component its path names, and its place in a sharded checkpoint. Immutable.
 *
 * @param path       the path relative to the model folder, with {@code /} separators
 * @param size       the size in bytes
 * @param sha256     the SHA-256 of the bytes, 64 lower-case hex digits
 * @param component  vae, text_encoder, image_encoder, unet or config, when the path names one
 * @param shardPart  the shard number of a {@code -NNNNN-of-NNNNN.safetensors} shard
 * @param shardIndex whether the file is a shard index ({@code *.index.json})
 */
public record ManifestFile(String path, long size, String sha256, Optional<String> component, OptionalInt shardPart,
                           boolean shardIndex) {

    private static final Pattern SHARD = Pattern.compile("-(\\d+)-of-(\\d+)\\.safetensors$");

    /** The T5 text encoders, as a word of the path: {@code models_t5_umt5-xxl-enc-bf16.pth}. */
    private static final Pattern T5 = Pattern.compile("(^|[^a-z0-9])(um)?t5([^a-z0-9]|$)");

    /**
     * Describes a file from what the workspace shows; the workspace hashes each file once a run.
     *
     * @param workspace the installation
     * @param folder    the model folder, relative to the root
     * @param path      the file, relative to the model folder
     * @return the entry
     * @throws IOException when the file cannot be read
     */
    public static ManifestFile describe(Workspace workspace, String folder, String path) throws IOException {
        String full = folder + "/" + path;
        String name = path.substring(path.lastIndexOf('/') + 1);
        Matcher shard = SHARD.matcher(name);
        return new ManifestFile(path, workspace.size(full), workspace.sha256(full), componentOf(path),
                shard.find() ? OptionalInt.of(Integer.parseInt(shard.group(1))) : OptionalInt.empty(),
                name.endsWith(".index.json"));
    }

    /**
     * The component a path names, by the words the WAN2.2 checkpoints use in folder and file names.
     *
     * @param path a path relative to the model folder
     * @return the component, or empty when the path names none
     */
    static Optional<String> componentOf(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.contains("vae")) {
            return Optional.of("vae");
        }
        if (p.contains("text_encoder") || T5.matcher(p).find()) {
            return Optional.of("text_encoder");
        }
        if (p.contains("image_encoder")) {
            return Optional.of("image_encoder");
        }
        if (p.contains("unet") || p.contains("diffusion_pytorch_model")) {
            return Optional.of("unet");
        }
        if (p.contains("config")) {
            return Optional.of("config");
        }
        return Optional.empty();
    }
}
