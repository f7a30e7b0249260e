package dev.verpath.plugins.wan;

import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.List;

/** Lists the regular files under a folder of the workspace, whatever characters its name holds. Stateless. */
final class FolderFiles {

    private FolderFiles() {
    }

    /**
     * @param workspace the installation
     * @param folder    a folder, relative to the root
     * @return the files under it (not symbolic links), relative to the folder, sorted
     * @throws IOException when a folder cannot be listed
     */
    static List<String> under(Workspace workspace, String folder) throws IOException {
        String prefix = folder + "/";
        return workspace.files(escape(folder) + "/**").stream()
                .filter(path -> path.startsWith(prefix))
                .map(path -> path.substring(prefix.length()))
                .toList();
    }

    private static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (char c : literal.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
