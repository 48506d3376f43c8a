package com.agenthub.llm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for provider keys. The organization and provider are authenticated with each ciphertext,
 * so a value copied to another organization or provider does not decrypt.
 */
final class KeyCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    KeyCipher(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("AGENTHUB_MASTER_KEY must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(masterKey, "AES");
    }

    byte[] encrypt(String plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a provider key", e);
        }
    }

    String decrypt(byte[] stored, String context) {
        if (stored.length < 1 + IV_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new KeyDecryptionException("The stored provider key is damaged. Enter it again on Settings → Providers.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new KeyDecryptionException("The stored provider key cannot be decrypted: AGENTHUB_MASTER_KEY is not "
                    + "the key it was saved with. Restore that master key, or enter the provider key again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt a provider key", e);
        }
    }

    /** Fails the run that needed the key; retrying cannot help. */
    static final class KeyDecryptionException extends ProviderException {
        KeyDecryptionException(String message) {
            super(message, false);
        }
    }
}
