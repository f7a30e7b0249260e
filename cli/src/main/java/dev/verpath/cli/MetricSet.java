package dev.verpath.cli;

import dev.verpath.engine.files.AtomicFiles;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one command, built as the Prometheus Java client's snapshots and written by its text-format
 * writer, atomically (a temporary sibling, fsync, rename), as node_exporter's textfile collector expects: it never
 * reads a half-written file. Every sample carries the common labels given first.
 */
final class MetricSet {

    private final String[] common;
    private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
    private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();

    /** @param common label names and values, alternating, on every sample */
    MetricSet(String... common) {
        this.common = common.clone();
    }

    /**
     * Adds a gauge sample.
     *
     * @param name   the metric name
     * @param help   its help text
     * @param value  the value
     * @param labels further label names and values, alternating
     * @return this set
     */
    MetricSet gauge(String name, String help, double value, String... labels) {
        return add(name, help, value, labels(labels));
    }

    /**
     * Adds a gauge sample about the installation across runs: without the common labels of this run.
     *
     * @param name  the metric name
     * @param help  its help text
     * @param value the value
     * @return this set
     */
    MetricSet gaugeAcrossRuns(String name, String help, double value) {
        return add(name, help, value, Labels.EMPTY);
    }

    private MetricSet add(String name, String help, double value, Labels labels) {
        gauges.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
        return this;
    }

    /**
     * Adds a counter sample; the file names it {@code <name>_total}. A counter spans runs, so it carries its own
     * labels alone, not the common ones of this run.
     *
     * @param name   the metric name, without {@code _total}
     * @param help   its help text
     * @param value  the count
     * @param labels further label names and values, alternating
     * @return this set
     */
    MetricSet counter(String name, String help, double value, String... labels) {
        counters.computeIfAbsent(name, n -> CounterSnapshot.builder().name(n).help(help))
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build());
        return this;
    }

    private Labels labels(String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(common));
        all.addAll(Arrays.asList(more));
        return Labels.of(all.toArray(String[]::new));
    }

    /** @return the text exposition format of every metric */
    byte[] text() throws IOException {
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        gauges.values().forEach(g -> snapshots.metricSnapshot(g.build()));
        counters.values().forEach(c -> snapshots.metricSnapshot(c.build()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, snapshots.build());
        return out.toByteArray();
    }

    /**
     * Writes the file atomically.
     *
     * @param file the metrics file (for node_exporter, a {@code .prom} file in its textfile folder)
     * @throws IOException when it cannot be written; an older file is then unchanged
     */
    void writeTo(Path file) throws IOException {
        AtomicFiles.write(file.toAbsolutePath(), text());
    }
}
