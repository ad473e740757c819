package dev.perfkit.report.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.perfkit.core.Rule;
import dev.perfkit.core.Statistic;
import dev.perfkit.core.Subject;
import dev.perfkit.core.Thresholds;
import dev.perfkit.report.ThresholdFileException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one rule file token by token, so that every problem is reported at the line of the key that
 * causes it: a tree model would lose the lines. Not thread-safe; one instance per file.
 */
public final class RuleFileReader {

    static final Set<String> RULE_KEYS = Set.of("sample", "requests", "label", "group", "gauge", "total",
            "statistic", "below", "atLeast", "window", "abortOnFail", "grace");
    private static final List<String> SUBJECT_KEYS = List.of("sample", "requests", "group", "gauge", "total");

    private final JsonParser parser;
    private final String source;

    /**
     * Creates a reader.
     *
     * @param parser the parser over the file, YAML or JSON
     * @param source the file's name, for messages and rule origins
     */
    public RuleFileReader(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /**
     * Reads the file.
     *
     * @return the thresholds it describes
     * @throws ThresholdFileException if the file is malformed or a rule is bad
     * @throws IOException            if the text cannot be read
     */
    public Thresholds read() throws IOException {
        try {
            return readFile();
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ThresholdFileException(source, line, "malformed " + syntax() + ": " + e.getOriginalMessage().strip());
        }
    }

    private Thresholds readFile() throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw error(line(), "expected a mapping with the keys environment and rules, was " + describe(token));
        }
        String environment = null;
        int environmentLine = 0;
        List<RuleSpec> rules = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "environment" -> {
                    environment = scalar(value, "environment");
                    environmentLine = keyLine;
                }
                case "rules" -> rules = readRules(value);
                default -> throw error(keyLine, "unknown key \"" + key + "\"; known: environment, rules");
            }
        }
        Thresholds thresholds;
        try {
            thresholds = environment == null ? Thresholds.none() : Thresholds.forEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw error(environmentLine, e.getMessage());
        }
        if (rules == null) {
            if (environment == null) {
                throw error(1, "no rules and no environment: add a list of rules under \"rules\"");
            }
            return thresholds;
        }
        for (RuleSpec spec : rules) {
            thresholds = spec.addTo(thresholds);
        }
        return thresholds;
    }

    private List<RuleSpec> readRules(JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw error(line(), "rules must be a list of rules, was " + describe(token));
        }
        List<RuleSpec> rules = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw error(line(), "rule " + (rules.size() + 1) + " must be a mapping of keys, was " + describe(t));
            }
            rules.add(readRule(rules.size() + 1));
        }
        return rules;
    }

    private RuleSpec readRule(int index) throws IOException {
        RuleSpec spec = new RuleSpec(index, line());
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line();
            JsonToken value = parser.nextToken();
            if (!RULE_KEYS.contains(key)) {
                throw error(keyLine, spec.name() + ": unknown key \"" + key + "\"; known: sample, requests, label,"
                        + " group, gauge, total, statistic, below, atLeast, window, abortOnFail, grace");
            }
            if ((key.equals("below") || key.equals("atLeast")) && value == JsonToken.START_OBJECT) {
                spec.levels(key, keyLine, readLevels(spec, key));
            } else {
                spec.put(key, keyLine, scalar(value, spec.name() + ": " + key));
            }
        }
        return spec;
    }

    private Map<String, Field> readLevels(RuleSpec spec, String key) throws IOException {
        Map<String, Field> levels = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String level = parser.currentName();
            int levelLine = line();
            JsonToken value = parser.nextToken();
            if (!level.equals("warning") && !level.equals("critical")) {
                throw error(levelLine, spec.name() + ": unknown key \"" + level + "\" under " + key
                        + "; known: warning, critical");
            }
            levels.put(level, new Field(scalar(value, spec.name() + ": " + key + "." + level), levelLine));
        }
        return levels;
    }

    private String scalar(JsonToken token, String what) throws IOException {
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw error(line(), what + " must be a single value, was " + describe(token));
        }
        return parser.getText();
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private String syntax() {
        return source.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_NULL -> "empty";
            default -> "a single value";
        };
    }

    ThresholdFileException error(int line, String message) {
        return new ThresholdFileException(source, line, message);
    }

    /** One key's text and line. */
    record Field(String text, int line) {
    }

    /** The keys of one rule, turned into a {@link Rule} once all are read. */
    private final class RuleSpec {
        private final int index;
        private final int line;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private String direction;
        private int directionLine;
        private Map<String, Field> levels = Map.of();

        RuleSpec(int index, int line) {
            this.index = index;
            this.line = line;
        }

        void put(String key, int keyLine, String text) {
            if (key.equals("below") || key.equals("atLeast")) {
                levels(key, keyLine, Map.of("critical", new Field(text, keyLine)));
            } else {
                fields.put(key, new Field(text, keyLine));
            }
        }

        void levels(String key, int keyLine, Map<String, Field> values) {
            if (direction != null) {
                throw error(keyLine, name() + ": has both " + direction + " and " + key + "; keep one");
            }
            direction = key;
            directionLine = keyLine;
            levels = values;
        }

        String name() {
            Field statistic = fields.get("statistic");
            String subject = SUBJECT_KEYS.stream().filter(fields::containsKey).findFirst()
                    .map(k -> k.equals("total") ? "total" : fields.get(k).text()).orElse(null);
            if (statistic == null && subject == null) {
                return "rule " + index;
            }
            return "rule " + index + " (" + (statistic == null ? "?" : statistic.text()) + " of "
                    + (subject == null ? "?" : subject) + ")";
        }

        Thresholds addTo(Thresholds thresholds) {
            Subject subject = subject();
            Field statisticField = require("statistic");
            Statistic statistic = attempt(statisticField.line(), () -> Statistic.fromId(statisticField.text()));
            if (direction == null) {
                throw error(line, name() + ": needs a level: below (lower is better) or atLeast (higher is better)");
            }
            if (levels.isEmpty()) {
                throw error(directionLine, name() + ": " + direction + " needs a warning or a critical level");
            }
            String unit = attempt(line, () -> subject.unit(statistic));
            double warning = level("warning", unit);
            double critical = level("critical", unit);
            Duration window = duration("window");
            Duration grace = duration("grace");
            boolean abort = bool("abortOnFail");
            Rule rule = attempt(line, () -> new Rule(subject, statistic, direction.equals("below"), warning, critical,
                    window, abort, grace, false, ""));
            String origin = source + ":" + line;
            return attempt(line, () -> thresholds.rule(rule.withOrigin(origin)));
        }

        private Subject subject() {
            List<String> given = SUBJECT_KEYS.stream().filter(fields::containsKey).toList();
            if (given.size() != 1) {
                throw error(given.isEmpty() ? line : fields.get(given.get(1)).line(), name() + ": needs exactly one of"
                        + " sample, requests, group, gauge, total to say what it judges, had "
                        + (given.isEmpty() ? "none" : String.join(" and ", given)));
            }
            String key = given.get(0);
            Field f = fields.get(key);
            if (fields.containsKey("label") && !key.equals("requests")) {
                throw error(fields.get("label").line(), name() + ": label names a group of requests; it needs requests");
            }
            return attempt(f.line(), () -> switch (key) {
                case "sample" -> Subject.sample(f.text());
                case "gauge" -> Subject.gauge(f.text());
                case "requests" -> Subject.requests(fields.containsKey("label") ? fields.get("label").text() : "requests",
                        f.text());
                case "group" -> switch (f.text()) {
                    case "api" -> Subject.API;
                    case "database" -> Subject.DATABASE;
                    default -> throw new IllegalArgumentException("unknown group \"" + f.text()
                            + "\"; known: api, database (or write requests: <regular expression>)");
                };
                default -> {
                    if (!f.text().equals("true")) {
                        throw new IllegalArgumentException("total must be true, was \"" + f.text() + "\"");
                    }
                    yield Subject.total();
                }
            });
        }

        private Field require(String key) {
            Field f = fields.get(key);
            if (f == null) {
                throw error(line, name() + ": needs the key " + key);
            }
            return f;
        }

        private double level(String which, String unit) {
            Field f = levels.get(which);
            return f == null ? Double.NaN : attempt(f.line(), () -> LevelValues.level(direction + " " + which, f.text(), unit));
        }

        private Duration duration(String key) {
            Field f = fields.get(key);
            return f == null ? Duration.ZERO : attempt(f.line(), () -> LevelValues.duration(key, f.text()));
        }

        private boolean bool(String key) {
            Field f = fields.get(key);
            if (f == null) {
                return false;
            }
            if (!f.text().equals("true") && !f.text().equals("false")) {
                throw error(f.line(), name() + ": " + key + " must be true or false, was \"" + f.text() + "\"");
            }
            return f.text().equals("true");
        }

        /** Runs a step of the rule's construction, turning its refusal into an error at {@code errorLine}. */
        private <T> T attempt(int errorLine, java.util.function.Supplier<T> step) {
            try {
                return step.get();
            } catch (ThresholdFileException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                String prefix = source + ":" + line + ": ";
                if (message.startsWith(prefix)) {
                    message = message.substring(prefix.length());
                }
                throw error(errorLine, name() + ": " + message);
            }
        }
    }
}
