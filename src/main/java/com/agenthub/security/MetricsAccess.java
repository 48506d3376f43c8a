package com.agenthub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Who may scrape {@code /actuator/prometheus}: a caller sending the metrics token as a Bearer token, or,
 * when no token is configured, only a caller on this machine. The figures are platform-wide aggregates.
 *
 * <p>"On this machine" means the connection comes from loopback and no proxy stands in between: a reverse
 * proxy on the same host connects from loopback on behalf of the whole internet, so any sign of forwarding
 * (a forwarded header, or Tomcat having resolved one from a trusted proxy) makes the caller remote.
 */
final class MetricsAccess {

    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For",
            "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Server", "X-Real-IP",
            "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "Via");

    /** Set by Tomcat's RemoteIpValve once it took the client's address from a trusted proxy's headers. */
    private static final String FORWARDED_ATTRIBUTE = "org.apache.tomcat.request.forwarded";

    private MetricsAccess() {
    }

    static boolean allows(HttpServletRequest request, String token) {
        if (token == null || token.isBlank()) {
            return fromThisMachine(request);
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        if (request.getAttribute(FORWARDED_ATTRIBUTE) != null) {
            return false;
        }
        for (String name : FORWARDING_HEADERS) {
            if (request.getHeader(name) != null) {
                return false;
            }
        }
        return loopback(request.getRemoteAddr());
    }

    private static boolean loopback(String address) {
        // getRemoteAddr is an IP literal, so this looks nothing up.
        try {
            return address != null && !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
