package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file host that misbehaves mid-body, which WireMock cannot: it announces {@code length} bytes, sends the first
 * {@code sent} of them, then either closes the connection (a body cut short) or stalls until the client gives up.
 * Or, with {@code sent == length}, it streams a generated body of any size without holding it.
 */
public final class RawFileServer implements AutoCloseable {

    public enum Then {
        CLOSE, STALL
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final long length;
    private final long sent;
    private final Then then;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch stalled = new CountDownLatch(1);

    public RawFileServer(long length, long sent, Then then) throws IOException {
        this.length = length;
        this.sent = sent;
        this.then = then;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public String url(String path) {
        return "http://localhost:" + socket.getLocalPort() + path + "?signature=" + FileHostStubs.SIGNATURE;
    }

    public int requests() {
        return requests.get();
    }

    /** Waits until a request has got its partial body and the server stalls. */
    public boolean awaitStall(long millis) throws InterruptedException {
        return stalled.await(millis, TimeUnit.MILLISECONDS);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            // the request's head ends with an empty line
            int state = 0;
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                state = (b == '\r' || b == '\n') ? state + 1 : 0;
            }
            requests.incrementAndGet();
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
                       + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            for (int i = 0; i < block.length; i++) {
                block[i] = (byte) (i * 31 + 7);
            }
            long left = sent;
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
            out.flush();
            if (sent < length && then == Then.STALL) {
                stalled.countDown();
                // until the client closes the connection
                while (in.read() >= 0) {
                    // nothing to read: a read returns when the client goes away
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The byte at {@code position} of a generated body. */
    public static byte byteAt(long position) {
        int i = (int) (position % (64 * 1024));
        return (byte) (i * 31 + 7);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
