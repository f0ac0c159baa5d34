package io.waybill.application.service;

import io.waybill.domain.Address;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Location.Centre;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import net.datafaker.Faker;

/**
 * Where generated shipments come from and go to: a country with its carriers, logistics centres, shops that send and
 * people who receive. The names, streets, cities and phones of a locale's region are drawn once from Datafaker into
 * pools and combined at random afterwards, which keeps a million shipments varied and quick to make (Datafaker takes
 * microseconds a value). The logistics system's region is its own centres and recipients ({@link LogisticsSystemData}).
 * Not thread-safe: it draws from the generator's {@link Random}.
 */
final class FakeRegion {

    private static final int POOL = 400;
    private static final int CENTRES = 12;

    private final CountryCode country;
    private final List<Carrier> carriers;
    private final List<Centre> centres;
    private final Function<Random, Party> recipients;
    private final Function<Random, Party> senders;

    private FakeRegion(CountryCode country, List<Carrier> carriers, List<Centre> centres,
            Function<Random, Party> recipients, Function<Random, Party> senders) {
        this.country = country;
        this.carriers = carriers;
        this.centres = centres;
        this.recipients = recipients;
        this.senders = senders;
    }

    /**
     * A region of Datafaker's {@code locale}: pools of names, streets, zip codes with cities, phones and shop names,
     * and a dozen centres in its cities.
     *
     * @param centreTitle the title of the centre in a city
     */
    static FakeRegion of(String languageTag, CountryCode country, List<String> carriers,
            Function<String, String> centreTitle, Random random) {
        Faker faker = new Faker(Locale.forLanguageTag(languageTag), random);
        List<String> names = pool(() -> faker.name().fullName());
        List<String> streets = pool(() -> faker.address().streetName());
        List<String[]> places = pool(() -> new String[] {faker.address().zipCode(), faker.address().city()});
        List<Phone> phones = pool(() -> phone(faker));
        List<String> shops = pool(() -> faker.company().name());
        Function<Random, Address> address = r -> {
            String[] place = pick(places, r);
            return Address.of(pick(streets, r) + " " + (1 + r.nextInt(250)), place[0], place[1], country);
        };
        List<Centre> centres = IntStream.range(0, CENTRES)
                .mapToObj(i -> {
                    Address at = address.apply(random);
                    return new Centre(country.value() + "-" + (101 + i), centreTitle.apply(at.city().orElseThrow()),
                            at);
                })
                .toList();
        return new FakeRegion(country, carriers.stream().map(Carrier::new).toList(), centres,
                r -> new Party(Optional.empty(), Optional.of(pick(names, r)), address.apply(r),
                        Optional.of(pick(phones, r))),
                r -> new Party(Optional.empty(), Optional.of(pick(shops, r)), address.apply(r), Optional.empty()));
    }

    /**
     * The logistics system's own data: its centres and recipients in Taiwan, from {@code logistics_centres.csv} and
     * {@code recipients.csv}, with the carriers and shops of {@code taiwan}.
     */
    static FakeRegion logisticsSystem(FakeRegion taiwan) {
        List<Centre> centres = LogisticsSystemData.centres(taiwan.country);
        List<Party> recipients = LogisticsSystemData.recipients(taiwan.country);
        return new FakeRegion(taiwan.country, taiwan.carriers, centres, r -> pick(recipients, r),
                taiwan.senders);
    }

    CountryCode country() {
        return country;
    }

    List<Centre> centres() {
        return centres;
    }

    Carrier carrier(Random random) {
        return pick(carriers, random);
    }

    Party recipient(Random random) {
        return recipients.apply(random);
    }

    Party sender(Random random) {
        return senders.apply(random);
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> pool(Supplier<T> draw) {
        List<T> values = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            values.add(draw.get());
        }
        return values;
    }

    // Datafaker's phones are written as people write them; the few with an extension or letters are drawn again.
    private static Phone phone(Faker faker) {
        for (int attempt = 1; ; attempt++) {
            try {
                return new Phone(faker.phoneNumber().cellPhone());
            } catch (IllegalArgumentException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }
}
