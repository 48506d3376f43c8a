package com.agenthub.execution;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The calculator tool: + - * / ^ and parentheses over decimals, parsed here by recursive descent.
 * Nothing is ever evaluated as code.
 */
final class Arithmetic {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final String text;
    private int position;

    private Arithmetic(String text) {
        this.text = text;
    }

    static BigDecimal evaluate(String expression) {
        if (expression == null || expression.isBlank() || expression.length() > 500) {
            throw new IllegalArgumentException("Give an arithmetic expression of up to 500 characters.");
        }
        Arithmetic parser = new Arithmetic(expression.replace(" ", ""));
        BigDecimal value = parser.sum();
        if (parser.position != parser.text.length()) {
            throw new IllegalArgumentException("Unexpected '" + parser.text.charAt(parser.position) + "' at position "
                    + (parser.position + 1) + ".");
        }
        return value.stripTrailingZeros();
    }

    private BigDecimal sum() {
        BigDecimal value = product();
        while (position < text.length()) {
            char op = text.charAt(position);
            if (op == '+') {
                position++;
                value = value.add(product(), PRECISION);
            } else if (op == '-') {
                position++;
                value = value.subtract(product(), PRECISION);
            } else {
                break;
            }
        }
        return value;
    }

    private BigDecimal product() {
        BigDecimal value = power();
        while (position < text.length()) {
            char op = text.charAt(position);
            if (op == '*') {
                position++;
                value = value.multiply(power(), PRECISION);
            } else if (op == '/') {
                position++;
                BigDecimal divisor = power();
                if (divisor.signum() == 0) {
                    throw new IllegalArgumentException("Division by zero.");
                }
                value = value.divide(divisor, PRECISION);
            } else {
                break;
            }
        }
        return value;
    }

    private BigDecimal power() {
        BigDecimal base = unary();
        if (position < text.length() && text.charAt(position) == '^') {
            position++;
            BigDecimal exponent = power();
            if (exponent.stripTrailingZeros().scale() > 0 || exponent.abs().compareTo(BigDecimal.valueOf(999)) > 0) {
                throw new IllegalArgumentException("Exponents must be whole numbers up to 999.");
            }
            int n = exponent.intValue();
            return n >= 0 ? base.pow(n, PRECISION) : BigDecimal.ONE.divide(base.pow(-n, PRECISION), PRECISION);
        }
        return base;
    }

    private BigDecimal unary() {
        if (position < text.length() && text.charAt(position) == '-') {
            position++;
            return unary().negate();
        }
        if (position < text.length() && text.charAt(position) == '(') {
            position++;
            BigDecimal value = sum();
            if (position >= text.length() || text.charAt(position) != ')') {
                throw new IllegalArgumentException("A closing parenthesis is missing.");
            }
            position++;
            return value;
        }
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (start == position) {
            throw new IllegalArgumentException(position < text.length()
                    ? "Unexpected '" + text.charAt(position) + "' at position " + (position + 1) + "." : "The expression ends too early.");
        }
        try {
            return new BigDecimal(text.substring(start, position));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.substring(start, position) + "' is not a number.");
        }
    }
}
