package io.waybill.application.service;

import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.Location.Centre;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Party;
import io.waybill.domain.PermutationKey;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingCode;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.TrackingNumberFormat;
import io.waybill.domain.Weight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import net.datafaker.Faker;

/**
 * Makes one realistic shipment after another from a seed. The history follows the logistics system's generator:
 * Created and Package Received at the sender's centre; In Transit at each of 1 to 3 transit centres (each step
 * instead Exception with p = 0.05, which ends the history); with p = 0.5 the parcel stays on the way; otherwise Out for
 * Delivery and Delivery Attempted at the receiver's centre (each Exception with p = 0.05); then Returned to Sender
 * (p = 0.05) or Delivered, each again Exception with p = 0.05. Events move forward by hours to days, and the last one
 * is at most two weeks before {@code until}. Each shipment is registered through {@link Shipment#register}, so every
 * history has passed the transition rules. Not thread-safe.
 */
final class FakeShipments {

    private static final double EXCEPTION = 0.05;
    private static final double ON_THE_WAY = 0.5;
    private static final double RETURNED = 0.05;
    private static final double DOMESTIC = 0.8;
    private static final int PRODUCTS = 600;

    // How carriers word each status; every wording is one the built-in status mapping knows.
    private static final Map<ShipmentStatus, List<String>> WORDINGS = wordings();
    private static final List<String> EXCEPTIONS = List.of("Parcel damaged in sorting", "Held at customs",
            "Address could not be found", "Parcel lost in transit", "Refused by the recipient");

    private final Random random;
    private final Instant until;
    private final TrackingNumberFormat numbers;
    private final List<FakeRegion> regions;
    private final List<Product> products;
    private final List<Carrier> international;
    private long sequence;

    FakeShipments(long seed, Instant until) {
        this.random = new Random(seed);
        this.until = until;
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
        this.products = products(new Faker(Locale.ENGLISH, random));
        this.international = List.of(new Carrier("DHL"), new Carrier("UPS"), new Carrier("FEDEX"));
    }

    Shipment next() {
        FakeRegion to = FakeRegion.pick(regions, random);
        FakeRegion from = random.nextDouble() < DOMESTIC ? to : FakeRegion.pick(regions, random);
        Party sender = from.sender(random);
        Party receiver = to.recipient(random);
        Carrier carrier = from == to ? from.carrier(random) : FakeRegion.pick(international, random);
        TrackingCode number = TrackingCode.of(numbers.issue(from.country(), () -> ++sequence));
        List<Article> articles = articles();
        History history = history(number, from, to);
        ShipmentDetails details = new ShipmentDetails(Optional.empty(), Optional.empty(), Optional.of(weight(articles)),
                Optional.empty(), Optional.of(history.ordered()), Optional.of(sender), Optional.of(receiver), articles,
                true);
        return Shipment.register(new ShipmentKey(number, carrier), details, history.events(), history.registered());
    }

    private History history(TrackingCode number, FakeRegion from, FakeRegion to) {
        Centre origin = FakeRegion.pick(from.centres(), random);
        Centre destination = FakeRegion.pick(to.centres(), random);
        List<Centre> transit = transit(from, to, origin, destination);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(ShipmentStatus.CREATED, origin, 0, 2));
        steps.add(new Step(ShipmentStatus.RECEIVED, origin, 1, 12));
        lifecycle(steps, origin, transit, destination);
        // Times forward from zero, then moved so that the last event is up to two weeks before `until`.
        List<Long> minutes = new ArrayList<>();
        long at = 0;
        for (Step step : steps) {
            at += step.minHours() * 60L + random.nextInt((step.maxHours() - step.minHours()) * 60 + 1);
            minutes.add(at);
        }
        Instant start = until.minus(at + random.nextInt(14 * 24 * 60 + 1), ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.MINUTES);
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            OffsetDateTime time = start.plus(minutes.get(i), ChronoUnit.MINUTES).atZone(zone(step.centre()))
                    .toOffsetDateTime();
            Optional<String> description = step.status() == ShipmentStatus.EXCEPTION
                    ? Optional.of(FakeRegion.pick(EXCEPTIONS, random)) : Optional.empty();
            events.add(new TrackingEvent(new EventId("fake-" + number + "-" + (i + 1)), time, step.status(),
                    FakeRegion.pick(WORDINGS.get(step.status()), random), Optional.<Location>of(step.centre()),
                    description));
        }
        OffsetDateTime ordered = events.get(0).time().minusMinutes(5 + random.nextInt(24 * 60));
        return new History(events, new OrderTime(ordered), events.get(0).time().toInstant());
    }

    private void lifecycle(List<Step> steps, Centre origin, List<Centre> transit, Centre destination) {
        for (Centre centre : transit) {
            if (exception(steps, centre, 6, 30)) {
                return;
            }
            steps.add(new Step(ShipmentStatus.IN_TRANSIT, centre, 6, 30));
        }
        if (random.nextDouble() < ON_THE_WAY || exception(steps, destination, 4, 24)) {
            return;
        }
        steps.add(new Step(ShipmentStatus.OUT_FOR_DELIVERY, destination, 4, 24));
        if (exception(steps, destination, 2, 8)) {
            return;
        }
        steps.add(new Step(ShipmentStatus.DELIVERY_ATTEMPTED, destination, 2, 8));
        boolean returned = random.nextDouble() < RETURNED;
        Centre last = returned ? origin : destination;
        if (exception(steps, last, 4, 48)) {
            return;
        }
        steps.add(returned ? new Step(ShipmentStatus.RETURNED_TO_SENDER, origin, 24, 96)
                : new Step(ShipmentStatus.DELIVERED, destination, 2, 8));
    }

    // With p = 0.05 the step is an exception instead, which ends the history.
    private boolean exception(List<Step> steps, Centre centre, int minHours, int maxHours) {
        if (random.nextDouble() >= EXCEPTION) {
            return false;
        }
        steps.add(new Step(ShipmentStatus.EXCEPTION, centre, minHours, maxHours));
        return true;
    }

    // 1 to 3 centres on the way, other than the two ends: from either country on an international route.
    private List<Centre> transit(FakeRegion from, FakeRegion to, Centre origin, Centre destination) {
        List<Centre> candidates = new ArrayList<>(from.centres());
        if (to != from) {
            candidates.addAll(to.centres());
        }
        candidates.remove(origin);
        candidates.remove(destination);
        int count = 1 + random.nextInt(3);
        List<Centre> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(candidates.remove(random.nextInt(candidates.size())));
        }
        return chosen;
    }

    private List<Article> articles() {
        double draw = random.nextDouble();
        int count = draw < 0.5 ? 1 : draw < 0.8 ? 2 : 3;
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Product product = FakeRegion.pick(products, random);
            int quantity = random.nextDouble() < 0.75 ? 1 : 2 + random.nextInt(4);
            articles.add(new Article(product.name(), quantity, Optional.of(product.price()),
                    Optional.of(product.sku())));
        }
        return articles;
    }

    private static Weight weight(List<Article> articles) {
        double kilograms = articles.stream().mapToDouble(article -> article.quantity()
                * (0.2 + (article.sku().hashCode() & 0xffff) / 8192.0)).sum();
        return new Weight(BigDecimal.valueOf(kilograms).setScale(3, RoundingMode.HALF_UP));
    }

    // A catalogue shared by every region, so that one SKU turns up in many shipments, as in the sample file.
    private static List<Product> products(Faker faker) {
        return IntStream.range(0, PRODUCTS).mapToObj(i -> {
            String name = faker.commerce().productName();
            String initials = name.chars().filter(Character::isUpperCase).limit(2)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            // Prices from 1 to 2,000, as many under 45 as above: evenly spread on a logarithmic scale.
            long cents = Math.round(100 * Math.exp(faker.random().nextDouble() * Math.log(2_000)));
            return new Product(name, initials + (100 + i), BigDecimal.valueOf(cents, 2));
        }).toList();
    }

    private static ZoneId zone(Centre centre) {
        return switch (centre.address().country().map(CountryCode::value).orElse("")) {
            case "TW" -> ZoneId.of("Asia/Taipei");
            case "US" -> ZoneId.of("America/New_York");
            case "DE", "FR", "NL" -> ZoneId.of("Europe/Berlin");
            default -> ZoneOffset.UTC;
        };
    }

    private static Map<ShipmentStatus, List<String>> wordings() {
        Map<ShipmentStatus, List<String>> wordings = new EnumMap<>(ShipmentStatus.class);
        wordings.put(ShipmentStatus.CREATED, List.of("label created", "info received", "created"));
        wordings.put(ShipmentStatus.RECEIVED, List.of("inbound-scan", "picked up", "scanned", "accepted"));
        wordings.put(ShipmentStatus.IN_TRANSIT, List.of("in_transit", "in-transit", "transit", "departed",
                "arrived at facility"));
        wordings.put(ShipmentStatus.OUT_FOR_DELIVERY, List.of("delivery", "out for delivery", "with courier"));
        wordings.put(ShipmentStatus.DELIVERY_ATTEMPTED, List.of("attempt fail", "failed attempt"));
        wordings.put(ShipmentStatus.DELIVERED, List.of("delivered"));
        wordings.put(ShipmentStatus.RETURNED_TO_SENDER, List.of("returned", "return to sender"));
        wordings.put(ShipmentStatus.EXCEPTION, List.of("exception", "damaged", "held at customs"));
        return wordings;
    }

    /** Hours after the previous step, from {@code minHours} to {@code maxHours}. */
    private record Step(ShipmentStatus status, Centre centre, int minHours, int maxHours) {}

    private record History(List<TrackingEvent> events, OrderTime ordered, Instant registered) {}

    private record Product(String name, String sku, BigDecimal price) {}
}
