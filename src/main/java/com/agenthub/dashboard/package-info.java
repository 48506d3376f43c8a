/** The home page after sign-in, and honest placeholders for sections that later releases build. */
package com.agenthub.dashboard;
