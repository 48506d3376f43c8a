package com.agenthub.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand, for what {@code java.net.http} will not send: a chosen {@code Host} header, raw
 * paths, and a connection from this machine's non-loopback address (a peer that is not a trusted proxy).
 */
public final class RawHttp {

    /** The address the test profile trusts as a proxy (agenthub.trusted-proxies); Linux answers on all of 127/8. */
    public static final String PROXY_ADDRESS = "127.0.0.2";

    private final InetAddress address;
    private final InetAddress from;
    private final int port;

    private RawHttp(InetAddress address, InetAddress from, int port) {
        this.address = address;
        this.from = from;
        this.port = port;
    }

    /** A client on this machine, not behind any proxy. */
    public static RawHttp loopback(int port) {
        return new RawHttp(InetAddress.getLoopbackAddress(), null, port);
    }

    /** The trusted load balancer: its forwarded headers name the real client. */
    public static RawHttp trustedProxy(int port) {
        try {
            return new RawHttp(InetAddress.getLoopbackAddress(), InetAddress.getByName(PROXY_ADDRESS), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through this machine's first non-loopback IPv4 address, if it has one. */
    public static Optional<RawHttp> external(int port) {
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : nic.inetAddresses().toList()) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(new RawHttp(a, null, port));
                    }
                }
            }
            return Optional.empty();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, List<String> headers, String body) {

        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        public List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).toList();
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response postForm(String path, String form, String... headers) {
        return send("POST", path, form, headers);
    }

    /** Headers as "Name: value"; a Host header replaces the default one. */
    public Response send(String method, String path, String body, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        boolean host = false;
        for (String header : headers) {
            host |= header.toLowerCase(Locale.ROOT).startsWith("host:");
            request.append(header).append("\r\n");
        }
        if (!host) {
            request.append("Host: localhost:").append(port).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\n");
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = from == null ? new Socket(address, port) : new Socket(address, port, from, 0)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, 0);
        String head = new String(all, 0, end < 0 ? all.length : end, StandardCharsets.ISO_8859_1);
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        boolean chunked = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
                && h.toLowerCase(Locale.ROOT).contains("chunked"));
        return new Response(status, headers, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = i;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeLine = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
