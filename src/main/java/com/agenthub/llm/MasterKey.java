package com.agenthub.llm;

import com.agenthub.shared.AgentHubProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key that encrypts organizations' provider keys: AGENTHUB_MASTER_KEY (32 bytes, base64). With the
 * embedded database and no key set, one is generated once under AGENTHUB_HOME, with a warning.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final Optional<KeyCipher> cipher;

    MasterKey(Environment environment, AgentHubProperties properties) throws IOException {
        String configured = environment.getProperty("agenthub.master-key", environment.getProperty("AGENTHUB_MASTER_KEY", ""));
        if (StringUtils.hasText(configured)) {
            cipher = Optional.of(new KeyCipher(Base64.getDecoder().decode(configured.strip())));
        } else if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            cipher = Optional.of(new KeyCipher(generatedKey(properties.home().resolve("master.key"))));
        } else {
            log.warn("AGENTHUB_MASTER_KEY is not set: organizations cannot store their own provider keys.");
            cipher = Optional.empty();
        }
    }

    KeyCipher cipher() {
        return cipher.orElseThrow(() -> new IllegalStateException(
                "Own provider keys need AGENTHUB_MASTER_KEY to be set on this platform."));
    }

    boolean available() {
        return cipher.isPresent();
    }

    private static byte[] generatedKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return Base64.getDecoder().decode(Files.readString(file).strip());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        log.warn("Generated a master key for provider keys at {}. Back it up: keys saved with it cannot be read without it. "
                + "Set AGENTHUB_MASTER_KEY in production.", file);
        return key;
    }
}
