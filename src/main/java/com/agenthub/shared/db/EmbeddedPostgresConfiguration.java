package com.agenthub.shared.db;

import com.agenthub.shared.AgentHubProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * With no {@code spring.datasource.url}, AgentHub runs its own PostgreSQL under {@code AGENTHUB_HOME}.
 * Flyway migrates as the owner role; the application connects as the app role, which row-level
 * security applies to.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    @Bean
    DatabasePasswords embeddedDatabasePasswords(AgentHubProperties properties) throws IOException {
        return EmbeddedDatabaseStarter.passwords(properties);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(AgentHubProperties properties, DatabasePasswords passwords) throws IOException {
        return EmbeddedDatabaseStarter.start(properties, passwords);
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, DatabasePasswords passwords) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(DatabaseRoles.APP_ROLE, DatabaseRoles.DATABASE));
        dataSource.setUsername(DatabaseRoles.APP_ROLE);
        dataSource.setPassword(passwords.app());
        dataSource.setPoolName("agenthub-app");
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgres postgres, DatabasePasswords passwords) {
        var dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.postgresql.Driver.class);
        dataSource.setUrl(postgres.getJdbcUrl(DatabaseRoles.OWNER_ROLE, DatabaseRoles.DATABASE));
        dataSource.setUsername(DatabaseRoles.OWNER_ROLE);
        dataSource.setPassword(passwords.owner());
        return dataSource;
    }
}
