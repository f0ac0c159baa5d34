package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How request bodies are read as JSON, and how the events body's three forms name a bad field. */
class JsonBodyTest {

    private final JsonBody body = new JsonBody(JsonWriter.newMapper());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json                 | {\"tracking_number\": \"TN1\",    | 400 | The body is not valid JSON (line 1",
        "application/json                 | {\"carrier\": \"A\", \"carrier\": \"B\"} | 400 | The body is not valid JSON",
        "application/json                 | {} {}                           | 400 | The body is not valid JSON",
        "application/json                 | ''                              | 400 | The request needs a JSON body",
        "application/json                 | '  '                            | 400 | The request needs a JSON body",
        "text/plain                       | {}                              | 415 | The body must be JSON",
        "application/json; charset=latin1 | {}                              | 415 | The body must be JSON",
        "''                               | {}                              | 415 | The body must be JSON",
    })
    void refusesWhatIsNoJson(String contentType, String text, int status, String detail) {
        assertThatThrownBy(() -> body.read(contentType.isEmpty() ? null : contentType, bytes(text)))
                .isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(status);
                    assertThat(e.getMessage()).startsWith(detail);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON; charset=\"UTF-8\"", "application/problem+json",
        "application/json; boundary=x"})
    void acceptsJsonMediaTypes(String contentType) {
        assertThat(body.read(contentType, bytes("{\"weight_kg\": 1.10}")).get("weight_kg").decimalValue())
                .hasToString("1.10");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"time\": \"soon\", \"status\": \"lost\"}                     | time,status",
        "[{\"time\": \"2026-11-22T09:00:00Z\"}, {\"status\": \"created\"}] | [0].status,[1].time",
        "{\"events\": [{\"time\": \"2026-11-22T09:00:00Z\", \"status\": \"created\", \"colour\": 1}], \"x\": 2}"
                + " | events[0].colour,x",
        "[]                                                             | body",
        "{\"events\": {}}                                               | events",
        "\"in_transit\"                                                 | body",
        "{\"time\": \"2026-11-22T09:00:00Z\", \"status\": \"created\", \"location\": {}} | location",
        "{\"time\": \"2026-11-22T09:00:00Z\", \"status\": \"created\", \"location\": {\"id\": \"7\"}} | location.title",
        "{\"time\": \"2026-11-22T09:00:00Z\", \"carrier_status\": \"\\u0007\", \"description\": 5} "
                + "| carrier_status,description",
    })
    void namesEveryInvalidEventFieldByItsPathInTheBodyAsSent(String text, String paths) {
        assertThatThrownBy(() -> EventsBody.events(body.read("application/json", bytes(text))))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.errors())
                        .extracting(Problem.InvalidParameter::parameter)
                        .containsExactly(paths.split(",")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
