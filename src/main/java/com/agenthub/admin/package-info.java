/** The platform back office for super admins: organizations, tiers, suspension, the audit log. */
package com.agenthub.admin;
