package com.agenthub.llm;

/** A catalog model as one organization sees it: usable, or why not. */
public record ModelChoice(ModelView model, boolean available, String reason) {

    public String value() {
        return model.provider().id() + ":" + model.model();
    }
}
