package dev.perfkit.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfkit.jdbc.Dataset;
import java.math.BigDecimal;

/**
 * Validates the body of {@code POST /reports}:
 * {@code {"title": "1 to 200 characters", "category": one of Dataset.CATEGORIES, "amount": 0 to 9999999999.99}}.
 * Amount is optional (0). Anything else is a 400 naming the field.
 */
final class ReportInput {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    /** A valid new report. */
    record Draft(String title, String category, BigDecimal amount) {
    }

    Draft read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("body must be a JSON object with title, category and amount");
        }
        JsonNode title = body.get("title");
        if (title == null || !title.isTextual() || title.asText().isBlank() || title.asText().length() > 200) {
            throw ApiError.badRequest("title must be text of 1 to 200 characters");
        }
        JsonNode category = body.get("category");
        if (category == null || !category.isTextual() || !Dataset.CATEGORIES.contains(category.asText())) {
            throw ApiError.badRequest("category must be one of " + Dataset.CATEGORIES + ", was "
                    + (category == null ? "missing" : QueryParams.shorten(category.toString())));
        }
        JsonNode amountNode = body.get("amount");
        BigDecimal amount = BigDecimal.ZERO;
        if (amountNode != null && !amountNode.isNull()) {
            if (!amountNode.isNumber()) {
                throw ApiError.badRequest("amount must be a number, was " + QueryParams.shorten(amountNode.toString()));
            }
            amount = amountNode.decimalValue();
            if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
                throw ApiError.badRequest("amount must be between 0 and " + MAX_AMOUNT.toPlainString()
                        + " with at most 2 decimals, was " + amount.toPlainString());
            }
        }
        return new Draft(title.asText().strip(), category.asText(), amount);
    }
}
