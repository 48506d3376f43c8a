/** The append-only audit log of admin and security events. */
package com.agenthub.audit;
