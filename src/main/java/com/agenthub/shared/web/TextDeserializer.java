package com.agenthub.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/** PostgreSQL cannot store NUL in text, so a JSON string with one is refused while the body is read. */
final class TextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String value = super.deserialize(p, ctxt);
        if (value != null && value.indexOf('\0') >= 0) {
            throw new NulCharacterException(p);
        }
        return value;
    }

    static final class NulCharacterException extends MismatchedInputException {

        NulCharacterException(JsonParser p) {
            super(p, "text contains a NUL character", String.class);
        }
    }
}
