package com.agenthub.execution;

import com.agenthub.agent.AgentTool;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

/**
 * The built-in tools one run may call, as Spring AI tool callbacks. Calls are collected here (the model
 * may call them on any thread) and written as events when the run is recorded.
 */
final class RunTools {

    record Call(String tool, String input, String result) {
    }

    record CalculatorInput(String expression) {
    }

    record TimeInput(String timeZone) {
    }

    record AskInput(String agentName, String question) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<ToolCallback> callbacks = new ArrayList<>();

    RunTools(List<String> enabled, java.util.function.BinaryOperator<String> askAgent) {
        if (enabled.contains(AgentTool.CALCULATOR.id())) {
            callbacks.add(FunctionToolCallback.builder(AgentTool.CALCULATOR.id(), (CalculatorInput in) -> {
                        String result;
                        try {
                            result = Arithmetic.evaluate(in.expression()).toPlainString();
                        } catch (IllegalArgumentException e) {
                            result = "Error: " + e.getMessage();
                        }
                        calls.add(new Call(AgentTool.CALCULATOR.id(), in.expression(), result));
                        return result;
                    })
                    .description("Evaluates an arithmetic expression exactly: + - * / ^ and parentheses.")
                    .inputType(CalculatorInput.class)
                    .inputSchema("""
                            {"type":"object","properties":{"expression":{"type":"string",
                             "description":"For example (1200 * 0.15) / 12"}},"required":["expression"]}""")
                    .build());
        }
        if (enabled.contains(AgentTool.CURRENT_TIME.id())) {
            callbacks.add(FunctionToolCallback.builder(AgentTool.CURRENT_TIME.id(), (TimeInput in) -> {
                        String zone = in.timeZone() == null || in.timeZone().isBlank() ? "UTC" : in.timeZone();
                        String result;
                        try {
                            result = ZonedDateTime.now(ZoneId.of(zone)).format(DateTimeFormatter.RFC_1123_DATE_TIME)
                                    + " (" + zone + ")";
                        } catch (RuntimeException e) {
                            result = "Error: unknown time zone '" + zone + "'. Use an IANA name such as Europe/Paris.";
                        }
                        calls.add(new Call(AgentTool.CURRENT_TIME.id(), zone, result));
                        return result;
                    })
                    .description("Tells the current date and time in a time zone.")
                    .inputType(TimeInput.class)
                    .inputSchema("""
                            {"type":"object","properties":{"timeZone":{"type":"string",
                             "description":"An IANA time zone such as America/New_York; UTC when empty"}}}""")
                    .build());
        }
        addAskAgent(enabled, askAgent);
    }

    private void addAskAgent(List<String> enabled, java.util.function.BinaryOperator<String> askAgent) {
        if (!enabled.contains(AgentTool.ASK_AGENT.id())) {
            return;
        }
        callbacks.add(FunctionToolCallback.builder(AgentTool.ASK_AGENT.id(), (AskInput in) -> {
                    String answer = askAgent.apply(in.agentName(), in.question());
                    calls.add(new Call(AgentTool.ASK_AGENT.id(), in.agentName() + ": " + in.question(),
                            answer.length() > 300 ? answer.substring(0, 300) + "…" : answer));
                    return answer;
                })
                .description("Asks another agent of this organization a question and returns its answer.")
                .inputType(AskInput.class)
                .inputSchema("""
                        {"type":"object","properties":{"agentName":{"type":"string","description":"The other agent's name"},
                         "question":{"type":"string"}},"required":["agentName","question"]}""")
                .build());
    }

    List<ToolCallback> callbacks() {
        return callbacks;
    }

    List<Call> calls() {
        return calls;
    }
}
