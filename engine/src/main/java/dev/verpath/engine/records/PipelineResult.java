package dev.verpath.engine.records;

/**
 * What one run of the {@link RecordPipeline} did.
 *
 * @param files        how many record files were rewritten
 * @param records      how many records went through (blank lines not counted)
 * @param bytesRead    bytes of the files as read
 * @param bytesWritten bytes of the files as written
 */
public record PipelineResult(int files, long records, long bytesRead, long bytesWritten) {
}
