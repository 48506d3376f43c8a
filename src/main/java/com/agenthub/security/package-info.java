/**
 * Wires sign-in and API tokens into Spring Security and resolves, for every request, the acting user and
 * organization, binding that organization for the request's transactions.
 */
package com.agenthub.security;
