package dev.verpath.engine.records;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class RecordChunksTest {

    private static List<RecordChunks.Chunk> chunks(String text, int size) throws IOException {
        RecordChunks chunks = new RecordChunks(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), size,
                Long.MAX_VALUE);
        List<RecordChunks.Chunk> all = new ArrayList<>();
        for (Optional<RecordChunks.Chunk> c = chunks.next(); c.isPresent(); c = chunks.next()) {
            all.add(c.get());
        }
        assertThat(chunks.bytesRead()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        return all;
    }

    private static String text(RecordChunks.Chunk chunk) {
        return new String(chunk.bytes(), 0, chunk.length(), StandardCharsets.UTF_8);
    }

    @Test
    void cutsAfterNewlinesAndNumbersTheFirstLineOfEachChunk() throws IOException {
        String input = "aaaa\nbb\n\ncccccc\r\ndd\ne";

        List<RecordChunks.Chunk> chunks = chunks(input, 8);

        StringBuilder joined = new StringBuilder();
        long line = 1;
        for (RecordChunks.Chunk chunk : chunks) {
            assertThat(chunk.firstLine()).isEqualTo(line);
            String text = text(chunk);
            if (!chunk.last()) {
                assertThat(text).endsWith("\n");
            }
            line += text.chars().filter(ch -> ch == '\n').count();
            joined.append(text);
        }
        assertThat(joined.toString()).isEqualTo(input);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks.get(0).first()).isTrue();
        assertThat(chunks.subList(1, chunks.size())).noneMatch(RecordChunks.Chunk::first);
        assertThat(chunks.get(chunks.size() - 1).last()).isTrue();
        assertThat(text(chunks.get(chunks.size() - 1))).endsWith("e");
    }

    @Test
    void newlinesAreCountedEightBytesAtATimeAsOneByOneWhateverTheBytesAndTheLength() {
        java.util.Random random = new java.util.Random(1029);
        byte[] unusual = {'\n', 0x0b, 0x09, (byte) 0x8a, (byte) 0x0a, (byte) 0xff, 0, 0x7f, (byte) 0x80, 'x'};
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(70)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextBoolean() ? unusual[random.nextInt(unusual.length)] : (byte) random.nextInt(256);
            }
            int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            long expected = 0;
            for (int i = 0; i < length; i++) {
                expected += bytes[i] == '\n' ? 1 : 0;
            }
            assertThat(LineReader.newlines(bytes, length)).as(java.util.Arrays.toString(bytes) + " to " + length)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aLineLongerThanAChunkMakesItsChunkLonger() throws IOException {
        String longLine = "x".repeat(50);

        List<RecordChunks.Chunk> chunks = chunks("ab\n" + longLine + "\ncd\n", 8);

        assertThat(chunks).filteredOn(c -> c.firstLine() == 2).singleElement()
                .satisfies(c -> assertThat(text(c)).startsWith(longLine + "\n"));
    }

    @Test
    void anEmptyStreamIsOneEmptyLastChunk() throws IOException {
        List<RecordChunks.Chunk> chunks = chunks("", 8);

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.length()).isZero();
            assertThat(c.last()).isTrue();
        });
    }

    @Test
    void aStreamEndingInANewlineEndsWithoutAnExtraChunkOfNothing() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            expected.writeBytes(("{\"i\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
        }

        List<RecordChunks.Chunk> chunks = chunks(expected.toString(StandardCharsets.UTF_8), 64);

        assertThat(chunks.get(chunks.size() - 1).last()).isTrue();
        assertThat(chunks).allMatch(c -> c.length() > 0 || c.last());
        assertThat(chunks.stream().mapToInt(RecordChunks.Chunk::length).sum()).isEqualTo(expected.size());
    }

    @Test
    void aLineOverTheLimitFailsNamingItsLineBeforeItIsReadWhole() throws IOException {
        String text = "a\nb\n" + "x".repeat(10_000) + "\nc\n";
        RecordChunks chunks = new RecordChunks(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 64, 1000);

        assertThat(chunks.next()).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            while (chunks.next().isPresent()) {
                // read on
            }
        }).isInstanceOfSatisfying(LineTooLongException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThat(chunks.bytesRead()).isLessThan(2100);
    }
}
