/** Plumbing every module uses and nothing else: tenancy binding, the embedded database, errors, paging. */
package com.agenthub.shared;
