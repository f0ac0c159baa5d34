package io.waybill.adapters.http.page;

import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a visitor asked the page to look up, as typed, and what it means: a tracking number (white space anywhere and
 * lower case forgiven, as numbers are copied from notices with spaces), an optional carrier (blank is none), and the
 * problems with either. Valid when it has a number and no problem.
 *
 * @param numberText the number as typed, cut to {@value #MAX_SHOWN} characters, for showing in the form again
 * @param carrierText the carrier as typed, likewise
 */
public record Lookup(String numberText, String carrierText, Optional<CarrierTrackingNumber> number,
        Optional<Carrier> carrier, List<Problem> problems) {

    /** How much of what was typed is shown again: more than any valid value. */
    static final int MAX_SHOWN = 64;

    /** What is wrong with an entry; each has its message in every language. */
    public enum Problem {
        NUMBER_MISSING,
        NUMBER_INVALID,
        CARRIER_INVALID
    }

    public Lookup {
        Objects.requireNonNull(numberText, "numberText");
        Objects.requireNonNull(carrierText, "carrierText");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(carrier, "carrier");
        problems = List.copyOf(problems);
    }

    /** An empty form: nothing typed, nothing wrong. */
    public static Lookup empty() {
        return new Lookup("", "", Optional.empty(), Optional.empty(), List.of());
    }

    /** Reads what was typed: {@code numberText} must be a number, {@code carrierText} a carrier or blank. */
    public static Lookup of(String numberText, String carrierText) {
        List<Problem> problems = new ArrayList<>(2);
        Optional<CarrierTrackingNumber> number = Optional.empty();
        if (numberText.isBlank()) {
            problems.add(Problem.NUMBER_MISSING);
        } else {
            number = parse(numberText.replaceAll("\\s+", ""), CarrierTrackingNumber::parse);
            if (number.isEmpty()) {
                problems.add(Problem.NUMBER_INVALID);
            }
        }
        Optional<Carrier> carrier = Optional.empty();
        if (!carrierText.isBlank()) {
            carrier = parse(carrierText, Carrier::parse);
            if (carrier.isEmpty()) {
                problems.add(Problem.CARRIER_INVALID);
            }
        }
        return new Lookup(shown(numberText), shown(carrierText), number, carrier, problems);
    }

    public boolean valid() {
        return number.isPresent() && problems.isEmpty();
    }

    private static <T> Optional<T> parse(String text, Function<String, T> parser) {
        if (text.length() > MAX_SHOWN) {
            return Optional.empty(); // longer than any valid value: not handed to the domain's patterns
        }
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static String shown(String typed) {
        return typed.length() > MAX_SHOWN ? typed.substring(0, MAX_SHOWN) : typed;
    }
}
