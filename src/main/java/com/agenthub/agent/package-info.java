/** Agent definitions: configuration, personality, tools, memory policy, status and metrics, and the system prompt. */
package com.agenthub.agent;
