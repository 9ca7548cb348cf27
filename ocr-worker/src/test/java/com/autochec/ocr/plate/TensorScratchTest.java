package com.autochec.ocr.plate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TensorScratchTest {

    private final TensorScratch scratch = new TensorScratch();

    @Test
    void givesADirectNativeOrderBufferLimitedToTheRequest() {
        FloatBuffer b = scratch.take(100);
        assertThat(b.isDirect()).isTrue();
        assertThat(b.order()).isEqualTo(ByteOrder.nativeOrder());
        assertThat(b.position()).isZero();
        assertThat(b.limit()).isEqualTo(100);
        assertThat(b.remaining()).isEqualTo(100);
    }

    @Test
    void reusesTheThreadsBufferAndGrowsItWhenNeeded() {
        FloatBuffer first = scratch.take(100);
        first.put(5, 3f).position(40);
        FloatBuffer again = scratch.take(50);
        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(50);
        FloatBuffer bigger = scratch.take(1000);
        assertThat(bigger).isNotSameAs(first);
        assertThat(bigger.limit()).isEqualTo(1000);
    }

    @Test
    void givesEachThreadItsOwnBuffer() throws Exception {
        FloatBuffer mine = scratch.take(10);
        FloatBuffer theirs = CompletableFuture.supplyAsync(() -> scratch.take(10)).get();
        assertThat(theirs).isNotSameAs(mine);
    }
}
