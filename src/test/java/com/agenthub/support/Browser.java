package com.agenthub.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.concurrent.atomic.AtomicInteger;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs in through the real login form and hands back the session, as a browser would keep it. */
public final class Browser {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private Browser() {
    }

    /** Each caller gets its own client address, so sign-in throttling of one test never hits another. */
    public static RequestPostProcessor freshAddress() {
        String address = "10.1." + (ADDRESS.get() / 250) + "." + (ADDRESS.getAndIncrement() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The SESSION cookie's value: it also works against the real server, sessions being in the database. */
    public static String sessionCookie(MockMvc mvc, String email, String password) throws Exception {
        var result = mvc.perform(post("/login").with(freshAddress()).with(csrf())
                        .param("username", email).param("password", password))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn();
        return result.getResponse().getCookie("SESSION").getValue();
    }

    /** Sessions live in PostgreSQL (Spring Session), so the browser's state is the SESSION cookie. */
    public static RequestPostProcessor signIn(MockMvc mvc, String email, String password) throws Exception {
        var result = mvc.perform(post("/login").with(freshAddress()).with(csrf())
                        .param("username", email).param("password", password))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn();
        Cookie cookie = result.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new IllegalStateException("no session cookie after signing in as " + email);
        }
        return request -> {
            request.setCookies(cookie);
            return request;
        };
    }
}
