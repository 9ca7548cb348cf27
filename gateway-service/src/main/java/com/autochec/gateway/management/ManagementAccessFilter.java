package com.autochec.gateway.management;

import com.autochec.gateway.config.GatewayProperties;
import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.web.reactive.ReactiveProblemWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's own actuator: health (probes) is public; every other endpoint (metrics) answers only
 * to the management networks ({@code autochec.gateway.management-networks}, loopback by default) and
 * is a 404 problem for everyone else. The services' actuators are never routed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ManagementAccessFilter implements WebFilter {

    private final List<Network> allowed;

    ManagementAccessFilter(GatewayProperties properties) {
        this.allowed = properties.managementNetworks().stream().map(Network::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/actuator") || isHealth(path) || fromManagementNetwork(exchange)) {
            return chain.filter(exchange);
        }
        return ReactiveProblemWriter.write(exchange, ProblemType.NOT_FOUND, "No resource at " + path + ".");
    }

    private static boolean isHealth(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private boolean fromManagementNetwork(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return false;
        }
        byte[] address = remote.getAddress().getAddress();
        return allowed.stream().anyMatch(network -> network.contains(address));
    }

    /** A CIDR block ({@code 127.0.0.0/8}, {@code ::1/128}); an address alone is a block of one. */
    record Network(byte[] base, int prefix) {

        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            try {
                byte[] base = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : base.length * 8;
                if (prefix < 0 || prefix > base.length * 8) {
                    throw new IllegalArgumentException("Bad prefix length in " + cidr);
                }
                return new Network(base, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not a network: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (base[full] & mask);
        }
    }
}
