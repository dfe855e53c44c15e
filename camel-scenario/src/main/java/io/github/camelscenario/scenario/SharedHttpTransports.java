package io.github.camelscenario.scenario;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelscenario.scenario.client.HttpTransport;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.IOHelper;

/**
 * A component's HTTP clients and connection pools: one per distinct set of transport options, shared by the endpoints
 * that have them (credentials and baseUrl stay with each endpoint), so {@code toD} with many URIs does not build a
 * pool per URI. Each pool is closed when the last endpoint using it lets go, or when the component stops.
 */
final class SharedHttpTransports {

    /**
     * The options a pool is built from. sslContextParameters and httpClientConfigurer compare as the objects they
     * are: the same bean shares, an equal-looking copy does not (a configurer may do anything to the client).
     */
    record Key(long connectTimeout, long responseTimeout, long connectionRequestTimeout, String proxyHost,
               Integer proxyPort, SSLContextParameters sslContextParameters, HttpClientConfigurer httpClientConfigurer) {

        static Key of(ScenarioConfiguration c) {
            return new Key(c.getConnectTimeout(), c.getResponseTimeout(), c.getConnectionRequestTimeout(),
                    c.getProxyHost(), c.getProxyPort(), c.getSslContextParameters(), c.getHttpClientConfigurer());
        }
    }

    /** One endpoint's hold on a pool, and the connections it added to it. */
    record Lease(Key key, int connections, HttpTransport transport) {
    }

    private static final class Shared {
        final HttpTransport transport;
        int users;
        int connections;

        Shared(HttpTransport transport) {
            this.transport = transport;
        }
    }

    private final Map<Key, Shared> pools = new HashMap<>();
    private int built;

    /**
     * Takes a hold on the pool for {@code key}, building it when there is none. The pool grows by
     * {@code connections}, so sharing never leaves an endpoint fewer connections than a pool of its own had.
     */
    synchronized Lease acquire(Key key, int connections, Supplier<HttpTransport> build) {
        Shared shared = pools.get(key);
        if (shared == null) {
            shared = new Shared(build.get());
            pools.put(key, shared);
            built++;
        }
        shared.users++;
        shared.connections += connections;
        shared.transport.setMaxConnections(shared.connections);
        return new Lease(key, connections, shared.transport);
    }

    /** Lets go of a hold; the last one closes the pool. */
    synchronized void release(Lease lease) {
        Shared shared = pools.get(lease.key());
        if (shared == null || shared.transport != lease.transport()) {
            return; // already closed by closeAll()
        }
        shared.users--;
        shared.connections -= lease.connections();
        if (shared.users <= 0) {
            pools.remove(lease.key());
            IOHelper.close(shared.transport);
        } else {
            shared.transport.setMaxConnections(shared.connections);
        }
    }

    synchronized void closeAll() {
        pools.values().forEach(s -> IOHelper.close(s.transport));
        pools.clear();
    }

    /** Pools open now. */
    synchronized int open() {
        return pools.size();
    }

    /** Pools built since the component was created. */
    synchronized int built() {
        return built;
    }

    /** The most connections the pool for {@code key} allows, or 0 when there is none. */
    synchronized int maxConnections(Key key) {
        Shared shared = pools.get(key);
        return shared == null ? 0 : shared.transport.getMaxConnections();
    }

    @Override
    public String toString() {
        return "SharedHttpTransports[" + open() + " open]";
    }
}
