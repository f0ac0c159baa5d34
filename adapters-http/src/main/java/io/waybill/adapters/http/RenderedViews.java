package io.waybill.adapters.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import java.util.function.Function;

/**
 * The JSON of the views of shipments looked up lately, made once for each version of a shipment: a view depends on
 * the shipment alone, and a shipment's content changes only with its version. Lookups answer these bytes rather than
 * building and serialising the view again, which was about a sixth of a cached lookup's cost. At most
 * {@value #MAX_VIEWS} views are kept, about a kilobyte each. Thread-safe.
 */
final class RenderedViews {

    static final int MAX_VIEWS = 10_000;

    /** What a route answers for one shipment. */
    enum Shape {
        SHIPMENT,
        LEGACY_QUERY
    }

    private final Cache<View, byte[]> rendered = Caffeine.newBuilder().maximumSize(MAX_VIEWS).build();
    private final JsonWriter json;

    RenderedViews(JsonWriter json) {
        this.json = json;
    }

    /** The JSON of {@code render(shipment)}, the view of {@code shape} for {@code audience}. */
    byte[] of(Shipment shipment, Shape shape, Audience audience, Function<Shipment, Object> render) {
        return rendered.get(new View(shipment.key(), shipment.version(), shape, audience),
                view -> json.bytes(render.apply(shipment)));
    }

    private record View(ShipmentKey key, long version, Shape shape, Audience audience) {}
}
