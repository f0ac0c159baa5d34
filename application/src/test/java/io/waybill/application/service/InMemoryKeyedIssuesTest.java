package io.waybill.application.service;

import io.waybill.application.contract.KeyedIssuesContract;
import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.ShipmentRepository;

/** The fake that the services' tests rely on keeps the contract that the databases keep. */
class InMemoryKeyedIssuesTest extends KeyedIssuesContract {

    private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository();
    private final InMemoryKeyedIssues issues = new InMemoryKeyedIssues(shipments);

    // Instances on one store share everything: in memory, one instance stands for all of them.
    @Override
    protected KeyedIssues keyedIssues() {
        return issues;
    }

    @Override
    protected ShipmentRepository shipments() {
        return shipments;
    }
}
