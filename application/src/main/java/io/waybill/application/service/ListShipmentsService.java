package io.waybill.application.service;

import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.application.port.out.ShipmentQueries;
import io.waybill.domain.ShipmentSummary;
import java.util.List;
import java.util.Optional;

/** Reads one row more than asked for, to know whether another page follows. Thread-safe. */
public final class ListShipmentsService implements ListShipmentsUseCase {

    private final ShipmentQueries shipments;

    public ListShipmentsService(ShipmentQueries shipments) {
        this.shipments = shipments;
    }

    @Override
    public Page list(Query query) {
        List<ShipmentSummary> found = shipments.list(query.filter(), query.after(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new Page(found, Optional.empty());
        }
        List<ShipmentSummary> page = found.subList(0, query.limit());
        return new Page(page, Optional.of(Cursor.after(page.get(page.size() - 1))));
    }
}
