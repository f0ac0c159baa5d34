package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.Command;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import java.util.List;

/**
 * Reads the body of {@code POST /api/v1/shipments/{n}/events} in any of its three forms: one event object, an array
 * of events, or {@code {"events": [...]}}. A problem's path is where the field is in the body as sent: {@code time},
 * {@code [2].time} or {@code events[2].time}.
 */
final class EventsBody {

    static final String EVENTS = "events";

    private EventsBody() {}

    /** @throws InvalidParametersException naming every invalid field by its path */
    static List<EventInput> events(JsonNode body) {
        BodyProblems problems = new BodyProblems();
        List<EventInput> events;
        String path = "";
        if (body.isObject() && body.has(EVENTS)) {
            JsonFields wrapper = problems.object(body, "").orElseThrow();
            events = wrapper.objects(EVENTS, EventBody::event);
            wrapper.rejectUnknownFields();
            path = EVENTS;
        } else if (body.isArray()) {
            events = problems.elements(body, "", EventBody::event);
        } else {
            events = problems.object(body, "").flatMap(EventBody::event).stream().toList();
        }
        if (problems.count() == 0 && (events.isEmpty() || events.size() > Command.MAX_EVENTS)) {
            problems.add(path, "must hold from 1 to " + Command.MAX_EVENTS + " events");
        }
        problems.throwIfAny();
        return events;
    }
}
