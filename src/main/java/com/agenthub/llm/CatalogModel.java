package com.agenthub.llm;

import com.agenthub.organization.Tier;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;

@Entity
@Table(name = "model_catalog")
@IdClass(CatalogModel.Key.class)
class CatalogModel {

    record Key(String provider, String model) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private String provider;
    @Id
    private String model;
    private String displayName;
    private BigDecimal inputPricePerMtok;
    private BigDecimal outputPricePerMtok;
    private int contextWindow;
    @Enumerated(EnumType.STRING)
    private Tier minTier;
    private boolean active;
    @Version
    private Long version;

    protected CatalogModel() {
    }

    void reprice(BigDecimal input, BigDecimal output, int context, Tier tier, boolean isActive) {
        this.inputPricePerMtok = input;
        this.outputPricePerMtok = output;
        this.contextWindow = context;
        this.minTier = tier;
        this.active = isActive;
    }

    ModelView toView() {
        return new ModelView(Provider.fromId(provider).orElseThrow(), model, displayName, inputPricePerMtok,
                outputPricePerMtok, contextWindow, minTier, active);
    }
}
