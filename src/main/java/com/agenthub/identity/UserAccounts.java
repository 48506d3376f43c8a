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
