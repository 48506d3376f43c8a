/** People who sign in: user accounts, passwords, the signed-in principal and sign-in throttling. */
package com.agenthub.identity;
