package io.waybill.domain.trackingnumber;

/**
 * The ISO/IEC 7064 MOD 37,36 hybrid check character over the alphabet {@code 0-9A-Z}.
 *
 * <p>Each character's value (0-35) is added to a running state; the state is folded into 1..36, doubled modulo 37,
 * and the check character is the value that brings the final sum to 1. Because every step is a bijection of both
 * the state and the character, any single substituted character changes the final state: every single-character
 * error is caught.
 *
 * <p>Adjacent transpositions are caught almost always, but not always: for each of the 36 states exactly one pair of
 * neighbouring values (values one apart, or 0 and Z) can swap places without changing the outcome.
 * {@link #hasBlindTransposition} finds such spots, and Waybill never issues a number that has one, so every issued
 * number detects every single adjacent transposition as well.
 */
final class CheckCharacter {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int MODULUS = 36;

    private CheckCharacter() {}

    /** The check character for {@code payload}, which must use only the alphabet. */
    static char compute(CharSequence payload) {
        return checkCharacter(run(payload, payload.length()));
    }

    /** Whether the last character of {@code number} is the right check character for the rest. */
    static boolean verify(CharSequence number) {
        int last = number.length() - 1;
        return last >= 1 && checkCharacter(run(number, last)) == number.charAt(last);
    }

    /** The character that brings a run ending in {@code state} to 1. */
    private static char checkCharacter(int state) {
        return ALPHABET.charAt((MODULUS + 1 - state) % MODULUS);
    }

    /** Whether swapping some adjacent pair of characters (check character included) leaves the number valid. */
    static boolean hasBlindTransposition(CharSequence number) {
        int state = MODULUS;
        for (int i = 0; i + 1 < number.length(); i++) {
            int first = value(number.charAt(i));
            int second = value(number.charAt(i + 1));
            if (first != second && step(step(state, first), second) == step(step(state, second), first)) {
                return true;
            }
            state = step(state, first);
        }
        return false;
    }

    static int value(char c) {
        // By arithmetic rather than ALPHABET.indexOf(c), a scan that issuing a number runs some 25 times.
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not in 0-9A-Z: " + c);
    }

    private static int run(CharSequence payload, int length) {
        int state = MODULUS;
        for (int i = 0; i < length; i++) {
            state = step(state, value(payload.charAt(i)));
        }
        return state;
    }

    private static int step(int state, int value) {
        int sum = (state + value) % MODULUS;
        return (sum == 0 ? MODULUS : sum) * 2 % (MODULUS + 1);
    }
}
