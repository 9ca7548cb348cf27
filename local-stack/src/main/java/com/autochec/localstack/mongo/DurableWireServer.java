package com.autochec.localstack.mongo;

import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The wire server of mongo-java-server ({@code de.bwaldvogel.mongo.MongoServer} 1.47.0) with one handler more:
 * {@link DurableReplyHandler} in front of its {@code MongoDatabaseHandler}. {@code MongoServer} builds its
 * pipeline in an anonymous initializer inside {@code bind} with private fields, so it cannot be extended to add
 * a handler; this class builds the same pipeline (reply and message encoders, frame decoder, database handler,
 * exception handler; no TLS, which the local stack does not use) with the same bootstrap options.
 */
final class DurableWireServer {

    private final SnapshottingMemoryBackend backend;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ChannelGroup channelGroup;
    private Channel channel;

    DurableWireServer(SnapshottingMemoryBackend backend) {
        this.backend = backend;
    }

    void bind(String host, int port) {
        bossGroup = new NioEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"));
        workerGroup = new NioEventLoopGroup(0, new MongoThreadFactory("mongo-server-worker"));
        channelGroup = new DefaultChannelGroup("mongodb-channels", workerGroup.next());
        try {
            channel = new ServerBootstrap()
                    .group(bossGroup, workerGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .localAddress(new InetSocketAddress(host, port))
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        public void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(codecHandler("MongoWireReplyEncoder"));
                            ch.pipeline().addLast(codecHandler("MongoWireMessageEncoder"));
                            ch.pipeline().addLast(codecHandler("MongoWireProtocolHandler"));
                            ch.pipeline().addLast(new DurableReplyHandler(backend));
                            ch.pipeline().addLast(new MongoDatabaseHandler(backend, channelGroup));
                            ch.pipeline().addLast(new MongoExceptionHandler());
                        }
                    })
                    .bind().syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownNow();
            throw e;
        }
    }

    /**
     * A new instance of one of mongo-java-server's encoders or its frame decoder, by name: they extend classes
     * of netty-codec, which mongo-java-server declares runtime-scoped, so this module does not compile
     * against them (declaring netty-codec in the module's pom would allow plain {@code new}).
     */
    private static ChannelHandler codecHandler(String simpleName) {
        try {
            return (ChannelHandler) Class.forName("de.bwaldvogel.mongo.wire." + simpleName).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server without " + simpleName, e);
        }
    }

    /** Closes the listening socket: no new client; connected ones go on. */
    void stopListening() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            channel = null;
        }
    }

    /** Closes the port and every client, stops the threads and closes the backend. */
    void shutdownNow() {
        stopListening();
        if (channelGroup != null) {
            channelGroup.close().syncUninterruptibly();
        }
        for (EventLoopGroup group : new EventLoopGroup[] {bossGroup, workerGroup}) {
            if (group != null) {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
            }
        }
        for (EventLoopGroup group : new EventLoopGroup[] {bossGroup, workerGroup}) {
            if (group != null) {
                group.terminationFuture().syncUninterruptibly();
            }
        }
        backend.close();
    }
}
