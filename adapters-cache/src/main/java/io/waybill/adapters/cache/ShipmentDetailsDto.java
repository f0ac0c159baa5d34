package io.waybill.adapters.cache;

import static io.waybill.adapters.cache.JsonNulls.optional;
import static io.waybill.adapters.cache.JsonNulls.orNull;

import io.waybill.domain.CountryCode;
import io.waybill.domain.OrderTime;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.Weight;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A shipment's details as the cache stores them in JSON (see {@link ShipmentDto}). */
record ShipmentDetailsDto(String origin, String destination, String weight, CustomerDto customer, String orderedAt,
        PartyDto sender, PartyDto receiver, List<ArticleDto> articles, boolean publicTracking) {

    static ShipmentDetailsDto of(ShipmentDetails details) {
        return new ShipmentDetailsDto(orNull(details.origin(), CountryCode::value),
                orNull(details.destination(), CountryCode::value),
                orNull(details.weight(), weight -> weight.kilograms().toPlainString()),
                orNull(details.customer(), CustomerDto::of),
                orNull(details.orderedAt(), time -> time.value().toString()),
                orNull(details.sender(), PartyDto::of), orNull(details.receiver(), PartyDto::of),
                details.articles().stream().map(ArticleDto::of).toList(), details.publicTracking());
    }

    ShipmentDetails toDetails() {
        return new ShipmentDetails(optional(origin, CountryCode::new), optional(destination, CountryCode::new),
                optional(weight, text -> new Weight(new BigDecimal(text))),
                optional(customer, CustomerDto::toCustomer),
                optional(orderedAt, text -> new OrderTime(OffsetDateTime.parse(text))),
                optional(sender, PartyDto::toParty), optional(receiver, PartyDto::toParty),
                articles.stream().map(ArticleDto::toArticle).toList(), publicTracking);
    }
}
