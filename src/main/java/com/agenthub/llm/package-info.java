/** LLM providers: which are configured, the model catalog with prices, and what a tier may use. */
package com.agenthub.llm;
