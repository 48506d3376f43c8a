package com.agenthub.llm;

/** A rough token count (about four characters a token) for budgets and when a provider reports none. */
public final class TokenEstimate {

    private TokenEstimate() {
    }

    public static int of(String text) {
        return text == null || text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }
}
