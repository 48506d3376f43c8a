package com.agenthub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may scrape {@code /actuator/prometheus}: a caller sending the metrics token as a Bearer token, or,
 * when no token is configured, only a caller on this machine. The figures are platform-wide aggregates.
 */
final class MetricsAccess {

    private MetricsAccess() {
    }

    static boolean allows(HttpServletRequest request, String token) {
        if (token == null || token.isBlank()) {
            return loopback(request.getRemoteAddr());
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
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
