import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds' record pipelines in one JVM, pass by pass in turn ({@code PipelineBench.onePass} of each build, each
 * build in a class loader of its own, so each has its own classes, statics and compiled code). Passes of two JVMs
 * run one after the other differ by what each JVM's compiler made of the code and by what else ran on the machine
 * meanwhile; passes taken in turn in one JVM share the machine's moments, and the ratio of neighbouring passes is
 * steadier. Prints each pair after the warm-up and the medians. Usage:
 *
 * <pre>java -cp CLASSES PipelineAB DATA_FOLDER BENCH_CLASSES THIS_JAR BASELINE_JAR [PASSES] [WARMUP]</pre>
 *
 * where BENCH_CLASSES holds PipelineBench compiled against the jars (their API is the same).
 */
public final class PipelineAB {

    public static void main(String[] args) throws Exception {
        String folder = args[0];
        URL classes = Path.of(args[1]).toUri().toURL();
        Method mine = onePass(classes, args[2]);
        Method baseline = onePass(classes, args[3]);
        int passes = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        double[] these = new double[passes - warmup];
        double[] theirs = new double[passes - warmup];
        double[] ratios = new double[passes - warmup];
        for (int pass = 0; pass < passes; pass++) {
            // the one that goes first alternates: neither always runs right after the other's garbage
            boolean mineFirst = pass % 2 == 0;
            double a = mineFirst ? (double) mine.invoke(null, folder) : 0;
            double b = (double) baseline.invoke(null, folder);
            a = mineFirst ? a : (double) mine.invoke(null, folder);
            if (pass >= warmup) {
                these[pass - warmup] = a;
                theirs[pass - warmup] = b;
                ratios[pass - warmup] = a / b;
                System.out.printf("pass %d: this %.0f, baseline %.0f MB/s per CPU second, ratio %.3f%n", pass + 1, a, b,
                        a / b);
            }
        }
        System.out.printf("same JVM, median of %d passes: this %.0f baseline %.0f ratio %.3f%n", ratios.length,
                median(these), median(theirs), median(ratios));
    }

    private static Method onePass(URL classes, String jar) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {classes, Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        return loader.loadClass("PipelineBench").getMethod("onePass", String.class);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
