package com.agenthub.support;

import com.agenthub.shared.AgentHubProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Properties;
import org.springframework.stereotype.Component;

/** The tokens the demo profile wrote, read the way a script would read them. */
@Component
public class DemoTokens {

    private final AgentHubProperties properties;

    DemoTokens(AgentHubProperties properties) {
        this.properties = properties;
    }

    public String of(String email) {
        Properties tokens = new Properties();
        try (Reader reader = Files.newBufferedReader(properties.home().resolve("demo-tokens.properties"))) {
            tokens.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return tokens.getProperty(email);
    }
}
