package com.agenthub.agent;

import com.agenthub.llm.ModelCatalog;
import com.agenthub.llm.ModelView;
import com.agenthub.llm.Provider;
import com.agenthub.organization.PlanView;
import com.agenthub.organization.Tier;
import com.agenthub.shared.web.JsonPaths;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** All the rules an agent's settings must meet, reported together with snake_case field paths. */
@Component
class AgentValidator {

    private final Validator validator;
    private final ModelCatalog catalog;

    AgentValidator(Validator validator, ModelCatalog catalog) {
        this.validator = validator;
        this.catalog = catalog;
    }

    void check(AgentSettings settings, PlanView plan, Set<Provider> ownKeys) {
        Tier tier = plan.tier();
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(settings).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(new FieldProblem(
                        JsonPaths.snakeCase(v.getPropertyPath().toString().replaceAll("\\[\\d+]\\.?<[^>]+>", "")
                                .replaceAll("<[^>]+>", "")), v.getMessage())));
        if (settings.modelConfig() != null && problems.stream().noneMatch(p -> p.field().startsWith("model_config.provider")
                || p.field().startsWith("model_config.model"))) {
            var m = settings.modelConfig();
            model("model_config", m.provider(), m.model(), tier, ownKeys, problems).ifPresent(model -> {
                if (m.maxTokens() != null && m.maxTokens() > model.contextWindow()) {
                    problems.add(new FieldProblem("model_config.max_tokens", "Max tokens cannot exceed "
                            + model.displayName() + "'s context window of " + model.contextWindow() + "."));
                }
            });
            boolean hasProvider = m.fallbackProvider() != null && !m.fallbackProvider().isBlank();
            boolean hasModel = m.fallbackModel() != null && !m.fallbackModel().isBlank();
            if (hasProvider != hasModel) {
                problems.add(new FieldProblem("model_config.fallback_model",
                        "Give both a fallback provider and a fallback model, or neither."));
            } else if (hasProvider) {
                if (m.fallbackProvider().equals(m.provider()) && m.fallbackModel().equals(m.model())) {
                    problems.add(new FieldProblem("model_config.fallback_model",
                            "The fallback must be a different model from the main one: pick another, or None."));
                } else {
                    model("model_config.fallback", m.fallbackProvider(), m.fallbackModel(), tier, ownKeys, problems);
                }
            }
        }
        if (settings.tools() != null) {
            for (String tool : settings.tools()) {
                if (AgentTool.fromId(tool).filter(t -> !t.available()).isPresent()) {
                    problems.add(new FieldProblem("tools", "'" + tool + "' is not available yet."));
                } else if (AgentTool.fromId(tool).isEmpty()) {
                    problems.add(new FieldProblem("tools", "Unknown tool '" + abbreviate(tool) + "'. Available: "
                            + Arrays.stream(AgentTool.values()).map(AgentTool::id).collect(Collectors.joining(", ")) + "."));
                }
            }
        }
        if (settings.timeoutSeconds() != null && settings.timeoutSeconds() > plan.maxRunSeconds()
                && problems.stream().noneMatch(p -> p.field().equals("timeout_seconds"))) {
            problems.add(new FieldProblem("timeout_seconds", "Your " + plan.displayName() + " plan allows runs of up to "
                    + plan.maxRunSeconds() + " seconds."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }

    private Optional<ModelView> model(String prefix, String providerId, String modelId, Tier tier, Set<Provider> ownKeys,
                                      List<FieldProblem> problems) {
        String providerField = prefix.equals("model_config") ? "model_config.provider" : "model_config.fallback_provider";
        String modelField = prefix.equals("model_config") ? "model_config.model" : "model_config.fallback_model";
        if (Provider.fromId(providerId).isEmpty()) {
            problems.add(new FieldProblem(providerField, "Unknown provider '" + abbreviate(providerId) + "'. Use one of: "
                    + Arrays.stream(Provider.values()).map(Provider::id).collect(Collectors.joining(", ")) + "."));
            return Optional.empty();
        }
        Optional<ModelView> model = catalog.find(providerId, modelId);
        if (model.isEmpty()) {
            problems.add(new FieldProblem(modelField, "'" + abbreviate(modelId) + "' is not in the model catalog for "
                    + Provider.fromId(providerId).get().label() + "."));
            return Optional.empty();
        }
        catalog.unavailableReason(model.get(), tier, ownKeys).ifPresent(reason -> problems.add(new FieldProblem(modelField, reason)));
        return model;
    }

    private static String abbreviate(String value) {
        return value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
