package dev.perfkit.report.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** HdrHistogram's compressed encoding in base64, the form histograms take in JSON results and logs. */
public final class Histograms {

    private Histograms() {
    }

    /**
     * Encodes a histogram with {@link Histogram#encodeIntoCompressedByteBuffer} and base64.
     *
     * @param histogram the histogram
     * @return the base64 text
     */
    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /**
     * Decodes a histogram encoded by {@link #encode}.
     *
     * @param base64 the base64 text
     * @return the histogram
     * @throws IllegalArgumentException if the text is not a compressed histogram
     */
    public static Histogram decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a compressed HdrHistogram in base64: " + e.getMessage(), e);
        }
    }
}
