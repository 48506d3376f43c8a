package com.agenthub.organization.web;

import com.agenthub.shared.web.InvalidRequestException;
import org.springframework.validation.BindingResult;

/** Puts a domain rule's refusal next to the field it is about, or above the form. */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult binding, InvalidRequestException e) {
        if (e.field() != null && binding.getTarget() != null
                && org.springframework.beans.BeanUtils.getPropertyDescriptor(binding.getTarget().getClass(), e.field()) != null) {
            binding.rejectValue(e.field(), "invalid", e.getMessage());
        } else {
            binding.reject("invalid", e.getMessage());
        }
    }
}
