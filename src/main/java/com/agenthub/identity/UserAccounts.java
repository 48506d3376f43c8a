package com.agenthub.identity;

import com.agenthub.shared.web.InvalidRequestException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Users are platform-wide identities (a user may belong to several organizations), not tenant data. */
@Service
public class UserAccounts {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwords;
    private final JdbcClient jdbc;

    UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwords, JdbcClient jdbc) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    @Transactional
    public UserAccount register(String email, String displayName, String rawPassword) {
        String normalized = EmailAddress.validate(email);
        if (users.existsByEmail(normalized)) {
            throw new InvalidRequestException("email", "An account with this email already exists. Sign in instead.");
        }
        passwords.check(rawPassword);
        var user = new User(normalized, displayName.trim(), passwordEncoder.encode(rawPassword));
        return users.save(user).toAccount();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByEmail(String email) {
        return users.findByEmail(EmailAddress.normalize(email)).map(User::toAccount);
    }

    /** Read on every signed-in request: one plain query, without an entity or a transaction of its own. */
    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT id, email, display_name, platform_role FROM users WHERE id = ?").param(id)
                .query((rs, n) -> new UserAccount((UUID) rs.getObject(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : PlatformRole.valueOf(rs.getString(4))))
                .optional();
    }

    /** The signed-in user's own name; users are not tenant data, so no organization role is involved. */
    @Transactional
    public UserAccount rename(UUID userId, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new InvalidRequestException("displayName", "Enter your name, up to 80 characters.");
        }
        User user = users.findById(userId).orElseThrow();
        user.rename(name);
        return user.toAccount();
    }

    /** The current password proves it is the account holder; the new one meets the sign-up rules. */
    @Transactional
    public void changePassword(UUID userId, String currentPassword, String newPassword) {
        User user = users.findById(userId).orElseThrow();
        // BCrypt refuses inputs over 72 bytes, and no stored password can be longer, so such a guess is simply wrong.
        if (currentPassword == null || currentPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES
                || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new InvalidRequestException("currentPassword", "That is not your current password.");
        }
        try {
            passwords.check(newPassword);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("newPassword", e.getMessage());
        }
        user.changePassword(passwordEncoder.encode(newPassword));
    }

    @Transactional
    public void recordSignIn(UUID userId) {
        users.findById(userId).ifPresent(User::markSignedIn);
    }

    /** Used by the demo seeder and platform bootstrap only. */
    @Transactional
    public void grantPlatformRole(UUID userId, PlatformRole role) {
        users.findById(userId).orElseThrow().grantPlatformRole(role);
    }
}
