package com.autochec.ocr.plate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * One reusable direct, native-order float buffer per thread. ONNX Runtime uses such a buffer as the
 * tensor's memory without copying it (a heap array is copied into a fresh direct buffer at every
 * run). A buffer taken by a thread must not be taken again by it before the tensor built on it is
 * closed.
 */
final class TensorScratch {

    private final ThreadLocal<FloatBuffer> buffers = new ThreadLocal<>();

    /** This thread's buffer, at least {@code floats} long, positioned at 0 with its limit at {@code floats}. */
    FloatBuffer take(int floats) {
        FloatBuffer b = buffers.get();
        if (b == null || b.capacity() < floats) {
            b = ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
            buffers.set(b);
        }
        b.clear();
        b.limit(floats);
        return b;
    }
}
