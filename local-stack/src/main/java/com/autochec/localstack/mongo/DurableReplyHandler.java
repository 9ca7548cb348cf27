package com.autochec.localstack.mongo;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Holds each reply of a connection until the journal records of its command are durable, without blocking
 * the event-loop thread: the thread goes on serving other connections meanwhile, so many writers wait for the
 * same force and the journal's group commit batches them.
 *
 * <p>Sits in front of mongo-java-server's {@code MongoDatabaseHandler}, which runs the backend synchronously
 * in {@code channelRead} and writes its reply before returning. Around that call the backend defers the wait
 * ({@link SnapshottingMemoryBackend#startDeferring}); when the reply passes here, the LSN the command journaled
 * is taken and the reply queued until {@link SnapshottingMemoryBackend#whenDurable} of it completes.
 * Replies leave in the order they were written: one that needs no force (a read) waits only behind earlier
 * replies of the same connection still waiting for theirs. If the journal fails, the connection is closed
 * with its replies unsent: those writes are not acknowledged. One instance per connection.
 */
final class DurableReplyHandler extends ChannelDuplexHandler {

    private record Held(Object reply, ChannelPromise promise, long lsn) {
    }

    private final SnapshottingMemoryBackend backend;
    /** Replies not yet written, oldest first (touched only on the connection's event loop). */
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    /** Every record up to this LSN is known durable. */
    private long durableLsn = -1;
    private boolean failed;

    DurableReplyHandler(SnapshottingMemoryBackend backend) {
        this.backend = backend;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        SnapshottingMemoryBackend.startDeferring();
        try {
            ctx.fireChannelRead(msg);
        } finally {
            // A command with no reply (none today) journaled an unacknowledged write: nothing to hold.
            SnapshottingMemoryBackend.stopDeferring();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        long lsn = SnapshottingMemoryBackend.takeDeferredLsn();
        if (failed) {
            ReferenceCountUtil.release(msg);
            promise.tryFailure(new IOException("the journal failed: the reply is not sent"));
            return;
        }
        if (held.isEmpty() && lsn <= durableLsn) {
            ctx.write(msg, promise);
            return;
        }
        held.add(new Held(msg, promise, lsn));
        if (lsn > durableLsn) {
            backend.whenDurable(lsn).whenComplete((ignored, error) -> ctx.executor().execute(() -> {
                if (error != null) {
                    fail(ctx, error);
                } else {
                    durableLsn = Math.max(durableLsn, lsn);
                    release(ctx);
                }
            }));
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        ctx.flush(); // held replies are flushed when released
    }

    private void release(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!held.isEmpty() && held.peek().lsn() <= durableLsn) {
            Held next = held.poll();
            ctx.write(next.reply(), next.promise());
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private void fail(ChannelHandlerContext ctx, Throwable error) {
        if (failed) {
            return;
        }
        failed = true;
        discard(error);
        ctx.close();
    }

    private void discard(Throwable error) {
        while (!held.isEmpty()) {
            Held next = held.poll();
            ReferenceCountUtil.release(next.reply());
            next.promise().tryFailure(error);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        discard(new IOException("the connection closed before the journal was durable"));
        super.channelInactive(ctx);
    }
}
