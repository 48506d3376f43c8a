package com.agenthub.llm;

import com.agenthub.organization.Tier;
import java.math.BigDecimal;

/** A catalog entry; prices in USD per million tokens. */
public record ModelView(Provider provider, String model, String displayName, BigDecimal inputPricePerMtok,
                        BigDecimal outputPricePerMtok, int contextWindow, Tier minTier, boolean active) {
}
