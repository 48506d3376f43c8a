/** Runs of agents: submit, the background job, live output, memory, cost, events; pages and API. */
package com.agenthub.execution;
