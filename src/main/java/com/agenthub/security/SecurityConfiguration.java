package com.agenthub.security;

import com.agenthub.audit.AuditTrail;
import com.agenthub.identity.LoginThrottle;
import com.agenthub.identity.UserAccounts;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.MembershipDirectory;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline scripts or styles anywhere: LLM output can never run as code in our pages. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Prometheus scrapes with the metrics token (AGENTHUB_METRICS_TOKEN), or from this machine without one. */
    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, SecuritySettings settings) throws Exception {
        String token = settings.metricsToken();
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .authorizeHttpRequests(a -> a.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(MetricsAccess.allows(context.getRequest(), token))))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
                        401, "Unauthorized", "Send the metrics token as 'Authorization: Bearer <AGENTHUB_METRICS_TOKEN>'.")));
        return stateless(http).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, UserAccounts users,
                                 MembershipDirectory directory) throws Exception {
        stateless(http.securityMatcher("/api/**"))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new CurrentActorFilter(users, directory, true), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response, 401,
                                "Unauthorized", "Send an API token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, 403,
                                "Forbidden", "This token may not do that.")));
        return http.build();
    }

    /**
     * For callers that send a token on every request: no session, no login pages, and no CSRF, since
     * browsers do not send Authorization headers on their own.
     */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, UserAccounts users, MembershipDirectory directory,
                                 LoginThrottle throttle, AuditTrail audit) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/signup", "/invitations/*", "/invitations/*/register", "/assets/**", "/webjars/**",
                                "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(SignInOutcomeHandlers.success(users, audit, throttle))
                        .failureHandler(SignInOutcomeHandlers.failure(audit))
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HxRefreshHeaderAuthenticationEntryPoint(), new RequestHeaderRequestMatcher("HX-Request")))
                .addFilterBefore(new LoginThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new CurrentActorFilter(users, directory, false), AuthorizationFilter.class);
        return http.build();
    }
}
