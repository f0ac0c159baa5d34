package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.application.port.in.RegisterShipmentUseCase.Command;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Party;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.Weight;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of {@code POST /api/v1/shipments}: {@code {tracking_number?, carrier?, origin_country?,
 * destination_country?, weight_kg?, customer?, ordered_at?, sender?, receiver?, articles?, public_tracking?,
 * events?}}. Fields it does not know are refused, so that a misspelt one (say {@code public_traking}) is not
 * silently ignored.
 */
final class ShipmentBody {

    private ShipmentBody() {}

    /** @throws InvalidParametersException naming every invalid field by its path */
    static Command command(JsonNode body) {
        return BodyProblems.read(body, ShipmentBody::command);
    }

    private static Optional<Command> command(JsonFields shipment) {
        Optional<CarrierTrackingNumber> number = shipment.text("tracking_number", CarrierTrackingNumber::parse);
        Optional<Carrier> carrier = shipment.text("carrier", Carrier::parse);
        Optional<CountryCode> origin = shipment.text("origin_country", CountryCode::of);
        Optional<CountryCode> destination = shipment.text("destination_country", CountryCode::of);
        Optional<Weight> weight = shipment.decimal("weight_kg", Weight::new, Weight::parse);
        Optional<Customer> customer = shipment.object("customer").flatMap(CustomerBody::customer);
        Optional<OrderTime> orderedAt = shipment.text("ordered_at", OrderTime::parse);
        Optional<Party> sender = shipment.object("sender").flatMap(PartyBody::party);
        Optional<Party> receiver = shipment.object("receiver").flatMap(PartyBody::party);
        List<Article> articles = shipment.objects("articles", ArticleBody::article);
        boolean publicTracking = shipment.bool("public_tracking").orElse(true);
        List<EventInput> events = shipment.objects("events", EventBody::event);
        shipment.rejectUnknownFields();
        if (!shipment.valid()) {
            return Optional.empty();
        }
        return shipment.build("articles", () -> new ShipmentDetails(origin, destination, weight, customer,
                        orderedAt, sender, receiver, articles, publicTracking))
                .map(details -> new Command(number, carrier, details, events));
    }
}
