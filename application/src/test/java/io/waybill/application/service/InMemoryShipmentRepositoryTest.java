package io.waybill.application.service;

import io.waybill.application.contract.ShipmentRepositoryContract;
import io.waybill.application.port.out.ShipmentRepository;

/** The fake that the services' tests rely on keeps the contract that the databases keep. */
class InMemoryShipmentRepositoryTest extends ShipmentRepositoryContract {

    @Override
    protected ShipmentRepository newRepository() {
        return new InMemoryShipmentRepository();
    }
}
