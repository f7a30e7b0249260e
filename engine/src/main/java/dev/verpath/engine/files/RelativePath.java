package dev.verpath.engine.files;

/**
 * Checks and normalises the relative paths rules use: {@code /} separators, no empty, {@code .} or
 * {@code ..} segment, not absolute, no backslash or drive letter.
 */
public final class RelativePath {

    private RelativePath() {
    }

    /**
     * @param path a path a rule gave
     * @return the path without a trailing {@code /}
     * @throws IllegalArgumentException when the path could leave the root: a rule that names such a path has a bug,
     *                                  and the step fails saying so
     */
    public static String check(String path) {
        if (path == null) {
            throw new IllegalArgumentException("a rule passed no path");
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.isEmpty()) {
            return "";
        }
        if (p.startsWith("/") || p.contains("\\") || p.contains("\0") || (p.length() > 1 && p.charAt(1) == ':')) {
            throw new IllegalArgumentException(path + ": path is not relative to the installation root; rules may only name paths inside it");
        }
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(path + ": path has an empty, '.' or '..' segment; rules may only name paths inside the root");
            }
        }
        return p;
    }

    /**
     * @param path a checked path
     * @return its folder, {@code ""} for a top-level entry
     */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * @param folder a checked folder path ({@code ""} for the root)
     * @param path   a checked path
     * @return true when path is the folder or inside it
     */
    public static boolean within(String folder, String path) {
        return folder.isEmpty() || path.equals(folder) || path.startsWith(folder + "/");
    }

    /**
     * @param folder a checked folder path ({@code ""} for the root)
     * @param name   a name or relative path inside it
     * @return the joined path
     */
    public static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }
}
