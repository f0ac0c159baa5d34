package io.waybill.adapters.http;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates query strings for {@code /next-tracking-number}, each the valid sample with one to three mutations
 * that each make it invalid. A parameter is mutated at most once, so no mutation can undo another, and each query
 * knows which parameters it certainly broke. Values are raw, percent-encoded query text.
 */
final class MalformedQueries {

    enum Kind { DROP, DUPLICATE, JUNK, SWAP, TRUNCATE }

    record MalformedQuery(String query, Set<String> brokenParameters, Set<Kind> kinds) {}

    static final Map<String, String> SAMPLE = sample();
    static final List<String> PARAMETERS = List.copyOf(SAMPLE.keySet());

    private static final String NAME = "customer_name";
    private static final String SLUG = "customer_slug";
    // Invalid for every parameter: blank, too long, control characters, undecodable.
    private static final List<String> UNIVERSAL = List.of("", "%20%20%20", "+++", "%09", "a".repeat(10_000),
            "a-".repeat(5_000), "%E7%B4%85".repeat(2_000), "%00", "Red%0ABox", "%7F", "%1B%5B31m", "%", "%zz",
            "ab%", "%2", "%ff%fe", "%E7%B4", "%C0%AF", "%ED%A0%80");
    // Invalid for the countries, the weight, the time and the customer id, but some are valid names or slugs.
    private static final List<String> NUMBERS_DATES_UUIDS = List.of("-1", "0", "1e3", "NaN", "Infinity",
            "99999999999", "1.2345", "1,5", "0x10", "10000.001", "2018-13-01T00:00:00Z", "2018-11-20",
            "2018-11-20T19:29:32", "2018-02-30T00:00:00Z", "1969-12-31T23:59:59Z", "2018-11-20T19:29:32%2B8:00",
            "20181120T192932Z", "de619854-b59b-425e-9db4-943979e1bd4", "de619854b59b425e9db4943979e1bd49",
            "de61985-4b59b-425e-9db4-943979e1bd49", "xe619854-b59b-425e-9db4-943979e1bd49", "XX", "ZZ", "my", "MYS");
    // Invalid for every parameter but the name.
    private static final List<String> NOT_EVEN_A_SLUG = List.of("RedBox-Logistics", "redbox_logistics", "-redbox",
            "redbox-", "redbox--logistics", "red%20box", "%E7%B4%85%E7%9B%92", "%F0%9F%93%A6", "1'%20OR%20'1'%3D'1",
            "%3Bdrop%20table%20orders--", "%3Cscript%3E");
    // An unknown parameter is ignored, whatever its value: it must neither hide nor cause an error.
    private static final List<String> UNKNOWN_PARAMETER_VALUES = List.of("newsletter", "", "%zz", "%", "%ff");
    private static final Set<String> EVERY_PREFIX_INVALID =
            Set.of("origin_country_id", "destination_country_id", "created_at", "customer_id");

    private final Random random;

    MalformedQueries(long seed) {
        this.random = new Random(seed);
    }

    MalformedQuery next() {
        List<String[]> pairs = new ArrayList<>();
        SAMPLE.forEach((name, value) -> pairs.add(new String[] {name, value}));
        Set<String> untouched = new LinkedHashSet<>(PARAMETERS);
        Set<String> broken = new LinkedHashSet<>();
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        int mutations = 1 + random.nextInt(3);
        int applied = 0;
        while (applied < mutations && !untouched.isEmpty()) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            if (mutate(kind, pairs, untouched, broken)) {
                kinds.add(kind);
                applied++;
            }
        }
        if (random.nextBoolean()) {
            pairs.add(random.nextInt(pairs.size() + 1), new String[] {"utm_source", pick(UNKNOWN_PARAMETER_VALUES)});
        }
        String query = pairs.stream().map(pair -> pair[0] + "=" + pair[1]).collect(Collectors.joining("&"));
        return new MalformedQuery(query, broken, kinds);
    }

    private boolean mutate(Kind kind, List<String[]> pairs, Set<String> untouched, Set<String> broken) {
        String name = pick(List.copyOf(untouched));
        switch (kind) {
            case DROP -> pairs.removeIf(pair -> pair[0].equals(name));
            case DUPLICATE -> pairs.add(random.nextInt(pairs.size() + 1), new String[] {name, SAMPLE.get(name)});
            case JUNK -> find(pairs, name)[1] = pick(junkFor(name));
            case TRUNCATE -> {
                if (!EVERY_PREFIX_INVALID.contains(name)) {
                    return false;
                }
                find(pairs, name)[1] = SAMPLE.get(name).substring(0, random.nextInt(SAMPLE.get(name).length()));
            }
            case SWAP -> {
                return swap(name, pairs, untouched, broken);
            }
        }
        untouched.remove(name);
        broken.add(name);
        return true;
    }

    private boolean swap(String first, List<String[]> pairs, Set<String> untouched, Set<String> broken) {
        String second = pick(List.copyOf(untouched));
        Set<String> invalidated = Stream.of(first, second)
                .filter(receiver -> !acceptsTheValueOf(receiver, receiver.equals(first) ? second : first))
                .collect(Collectors.toSet());
        if (first.equals(second) || invalidated.isEmpty()) {
            return false;
        }
        find(pairs, first)[1] = SAMPLE.get(second);
        find(pairs, second)[1] = SAMPLE.get(first);
        untouched.remove(first);
        untouched.remove(second);
        broken.addAll(invalidated);
        return true;
    }

    // Which sample values are valid for another parameter: any is a name, the countries are each other's, and
    // the lower-case UUID is also kebab-case. Everything else is invalid where it lands.
    private static boolean acceptsTheValueOf(String receiver, String giver) {
        return receiver.equals(NAME)
                || receiver.endsWith("country_id") && giver.endsWith("country_id")
                || receiver.equals(SLUG) && giver.equals("customer_id");
    }

    private static List<String> junkFor(String name) {
        List<String> junk = new ArrayList<>(UNIVERSAL);
        if (!name.equals(NAME)) {
            junk.addAll(NOT_EVEN_A_SLUG);
        }
        if (!name.equals(NAME) && !name.equals(SLUG)) {
            junk.addAll(NUMBERS_DATES_UUIDS);
        }
        return junk;
    }

    private static String[] find(List<String[]> pairs, String name) {
        return pairs.stream().filter(pair -> pair[0].equals(name)).findFirst().orElseThrow();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, String> sample() {
        Map<String, String> sample = new LinkedHashMap<>();
        for (String pair : TestServer.SAMPLE_QUERY.split("&")) {
            sample.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return sample;
    }
}
