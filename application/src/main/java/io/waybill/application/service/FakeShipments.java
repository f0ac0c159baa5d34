package io.waybill.application.service;

import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Makes one realistic shipment after another from a seed: parties from the regions ({@link FakeRegion}), articles from
 * a catalogue ({@link FakeCatalogue}), a history as the logistics system's generator makes it ({@link FakeHistories}).
 * Each shipment is registered through {@link Shipment#register}, so every history has passed the transition rules.
 * Not thread-safe.
 */
final class FakeShipments {

    private static final double DOMESTIC = 0.8;

    private final Random random;
    private final TrackingNumberFormat numbers;
    private final List<FakeRegion> regions;
    private final FakeCatalogue catalogue;
    private final FakeHistories histories;
    private final List<Carrier> international;
    private long sequence;

    FakeShipments(long seed, Instant until) {
        this.random = new Random(seed);
        this.numbers = new TrackingNumberFormat(PermutationKey.random(random));
        FakeRegion taiwan = FakeRegion.of("zh-TW", CountryCode.of("TW"), List.of("TCAT", "HCT", "CHUNGHWAPOST"),
                city -> city + "物流中心", random);
        this.regions = List.of(
                FakeRegion.logisticsSystem(taiwan),
                taiwan,
                FakeRegion.of("en-US", CountryCode.of("US"), List.of("UPS", "FEDEX", "USPS"),
                        city -> city + " Distribution Center", random),
                FakeRegion.of("de-DE", CountryCode.of("DE"), List.of("DHL", "DPD", "HERMES", "GLS"),
                        city -> "Paketzentrum " + city, random),
                FakeRegion.of("fr-FR", CountryCode.of("FR"), List.of("COLISSIMO", "CHRONOPOST", "DPD"),
                        city -> "Centre de tri " + city, random),
                FakeRegion.of("nl-NL", CountryCode.of("NL"), List.of("POSTNL", "DHL", "DPD"),
                        city -> "Sorteercentrum " + city, random));
        this.catalogue = new FakeCatalogue(random);
        this.histories = new FakeHistories(random, until);
        this.international = List.of(new Carrier("DHL"), new Carrier("UPS"), new Carrier("FEDEX"));
    }

    Shipment next() {
        FakeRegion to = FakeRegion.pick(regions, random);
        FakeRegion from = random.nextDouble() < DOMESTIC ? to : FakeRegion.pick(regions, random);
        Party sender = from.sender(random);
        Party receiver = to.recipient(random);
        Carrier carrier = from == to ? from.carrier(random) : FakeRegion.pick(international, random);
        CarrierTrackingNumber number = CarrierTrackingNumber.of(numbers.issue(from.country(), () -> ++sequence));
        List<Article> articles = catalogue.articles();
        FakeHistories.History history = histories.history(number, from, to);
        ShipmentDetails details = new ShipmentDetails(Optional.empty(), Optional.empty(),
                Optional.of(FakeCatalogue.weight(articles)), Optional.empty(), Optional.of(history.ordered()),
                Optional.of(sender), Optional.of(receiver), articles, true);
        return Shipment.register(new ShipmentKey(number, carrier), details, history.events(), history.registered());
    }
}
