/**
 * Organizations (the tenants), their members, invitations, API tokens, plans and tiers, and the one
 * place that answers "may this actor do this here": {@link com.agenthub.organization.AccessPolicy}.
 */
package com.agenthub.organization;
