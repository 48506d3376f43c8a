package com.agenthub.support;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose connections report a write that failed because the client had gone: how a fake
 * provider sees, as a real one would, that a client closed the connection in the middle of an answer.
 */
final class ObservingServerSockets extends ServerSocketFactory {

    private final Runnable onClientGone;

    ObservingServerSockets(Runnable onClientGone) {
        this.onClientGone = onClientGone;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new Observing();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        Observing socket = new Observing();
        socket.bind(new java.net.InetSocketAddress(port));
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        Observing socket = new Observing();
        socket.bind(new java.net.InetSocketAddress(port), backlog);
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        Observing socket = new Observing();
        socket.bind(new java.net.InetSocketAddress(address, port), backlog);
        return socket;
    }

    private final class Observing extends ServerSocket {

        Observing() throws IOException {
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = new Socket() {
                @Override
                public OutputStream getOutputStream() throws IOException {
                    return new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            try {
                                out.write(b, off, len);
                            } catch (IOException e) {
                                onClientGone.run();
                                throw e;
                            }
                        }

                        @Override
                        public void write(int b) throws IOException {
                            try {
                                out.write(b);
                            } catch (IOException e) {
                                onClientGone.run();
                                throw e;
                            }
                        }
                    };
                }
            };
            implAccept(socket);
            return socket;
        }
    }
}
