package com.autochec.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The reply holder on an embedded channel: a request {@code "write:LSN"} journals that LSN (as the backend
 * does under {@code startDeferring}) and replies; {@code "read"} replies without journaling. Durability is
 * driven by hand through the futures the fake backend hands out.
 */
class DurableReplyHandlerTest {

    private final Map<Long, CompletableFuture<Void>> durable = new ConcurrentHashMap<>();

    private final SnapshottingMemoryBackend backend = new SnapshottingMemoryBackend() {
        @Override
        CompletableFuture<Void> whenDurable(long lsn) {
            return durable.computeIfAbsent(lsn, key -> new CompletableFuture<>());
        }
    };

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new DurableReplyHandler(backend), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                String request = (String) msg;
                if (request.startsWith("write:")) {
                    assertThat(SnapshottingMemoryBackend.deferDurability(Long.parseLong(request.substring(6)))).isTrue();
                }
                ctx.channel().writeAndFlush("reply to " + request);
            }
        });
    }

    @Test
    void aReadIsAnsweredAtOnce() {
        EmbeddedChannel channel = channel();
        channel.writeInbound("read");
        assertThat((Object) channel.readOutbound()).isEqualTo("reply to read");
    }

    @Test
    void aWriteIsAnsweredOnlyOnceDurableAndLaterRepliesKeepTheirOrder() {
        EmbeddedChannel channel = channel();
        channel.writeInbound("write:7");
        channel.writeInbound("read");
        channel.writeInbound("write:9");
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).as("nothing before LSN 7 is durable").isNull();

        durable.get(7L).complete(null);
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isEqualTo("reply to write:7");
        assertThat((Object) channel.readOutbound()).isEqualTo("reply to read");
        assertThat((Object) channel.readOutbound()).as("LSN 9 is not durable yet").isNull();

        durable.get(9L).complete(null);
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isEqualTo("reply to write:9");
        channel.writeInbound("read");
        assertThat((Object) channel.readOutbound()).isEqualTo("reply to read");
    }

    @Test
    void aLaterDurableLsnReleasesEarlierRepliesToo() {
        EmbeddedChannel channel = channel();
        channel.writeInbound("write:3");
        channel.writeInbound("write:4");
        durable.get(4L).complete(null); // the journal is a prefix: 4 durable means 3 durable
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isEqualTo("reply to write:3");
        assertThat((Object) channel.readOutbound()).isEqualTo("reply to write:4");
    }

    @Test
    void aFailedJournalClosesTheConnectionWithoutAcknowledging() {
        EmbeddedChannel channel = channel();
        channel.writeInbound("write:5");
        channel.writeInbound("read");
        durable.get(5L).completeExceptionally(new IOException("disk full"));
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void outsideAHandledRequestTheBackendWaitsItself() {
        assertThat(SnapshottingMemoryBackend.deferDurability(1)).isFalse();
    }
}
