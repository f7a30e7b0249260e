
import dev.verpath.builtin.data.DataRules;
import dev.verpath.builtin.data.RecordSchemaCheck;
import dev.verpath.engine.records.PipelineResult;
import dev.verpath.engine.records.RecordPipeline;
import dev.verpath.engine.records.RunReport;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.WriteAction;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The record pipeline alone, in one JVM: the built-in serve data rules and record checks of
 * 0.1.0 -> 1.0.0 -> 2.0.0 -> 2.1.0 over every *.jsonl file of a folder, read from the page cache and
 * written to nowhere. Prints the thread CPU time, MB/s and bytes allocated a record of each pass, then the median of the passes
 * after the warm-up ones. Usage (from the repository root, after building cli/target/migrate.jar):
 *
 * <pre>java -cp cli/target/migrate.jar bench/PipelineBench.java DATA_FOLDER [PASSES] [WARMUP]</pre>
 *
 * With {@code -Dbench.perFile=true} it also prints the CPU time of every file (the warm-up curve).
 */
public final class PipelineBench {

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<RecordPipeline.Stage> stages = stages(List.of("0.1.0", "1.0.0", "2.0.0", "2.1.0"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] rates = new double[passes - warmup];
        for (int pass = 0; pass < passes; pass++) {
            Workspace workspace = discarding(folder);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long allocated0 = threads.getCurrentThreadAllocatedBytes();
            long wall0 = System.nanoTime();
            PipelineResult result = new RecordPipeline(stages, false, new RunReport()).run(workspace);
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            double allocated = (threads.getCurrentThreadAllocatedBytes() - allocated0) / (double) result.records();
            double mb = result.bytesRead() / 1e6;
            System.out.printf("pass %d%s: %.0f MB in, %.0f MB out, %d records, cpu %.3f s (%.0f MB/s), wall %.3f s, %.0f bytes allocated a record%n",
                    pass + 1, pass < warmup ? " (warm-up)" : "", mb, result.bytesWritten() / 1e6, result.records(),
                    cpu, mb / cpu, wall, allocated);
            if (pass >= warmup) {
                rates[pass - warmup] = mb / cpu;
            }
        }
        Arrays.sort(rates);
        System.out.printf("pipeline median: %.0f MB/s of input per CPU second (%d passes)%n", rates[rates.length / 2], rates.length);
    }

    private static List<RecordPipeline.Stage> serveStages;

    /**
     * One pass over the folder's record files, printing nothing (for {@code PipelineAB}, which runs two builds' passes
     * in turn in one JVM).
     *
     * @param folder the records
     * @return MB of input per CPU second of this thread
     */
    public static double onePass(String folder) throws IOException {
        if (serveStages == null) {
            serveStages = stages(List.of("0.1.0", "1.0.0", "2.0.0", "2.1.0"));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Workspace workspace = discarding(Path.of(folder));
        long cpu0 = threads.getCurrentThreadCpuTime();
        PipelineResult result = new RecordPipeline(serveStages, false, new RunReport()).run(workspace);
        return result.bytesRead() / 1e6 / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }

    private static List<RecordPipeline.Stage> stages(List<String> path) {
        List<RecordPipeline.Stage> stages = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            String from = path.get(i);
            String to = path.get(i + 1);
            List<RecordRule> rules = new ArrayList<>();
            for (RecordRule rule : DataRules.all()) {
                if (rule.descriptor().from().equals(from) && rule.descriptor().to().equals(to)) {
                    rules.add(rule);
                }
            }
            List<RecordCheck> checks = new ArrayList<>(RecordSchemaCheck.of(to).stream().toList());
            stages.add(new RecordPipeline.Stage(from, to, rules, checks));
        }
        return stages;
    }

    /**
     * A workspace that lists and opens the folder's record files and throws what is written away; the
     * pipeline needs nothing else of it.
     */
    private static Workspace discarding(Path root) {
        return (Workspace) Proxy.newProxyInstance(Workspace.class.getClassLoader(), new Class<?>[] {Workspace.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "files" -> {
                        try (Stream<Path> walk = Files.walk(root)) {
                            yield walk.filter(p -> p.toString().endsWith(".jsonl"))
                                    .map(p -> root.relativize(p).toString()).sorted().toList();
                        }
                    }
                    case "size" -> Files.size(root.resolve((String) args[0]));
                    case "open" -> new BufferedInputStream(Files.newInputStream(root.resolve((String) args[0])), 1 << 16);
                    case "write" -> {
                        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                        ((WriteAction) args[1]).writeTo(OutputStream.nullOutputStream());
                        if (Boolean.getBoolean("bench.perFile")) {
                            System.out.printf("  %s: cpu %.3f s%n", args[0],
                                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9);
                        }
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
