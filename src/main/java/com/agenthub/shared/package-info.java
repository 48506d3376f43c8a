/** Plumbing every module uses and nothing else: tenancy binding, the embedded database, errors, paging. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.agenthub.shared;
