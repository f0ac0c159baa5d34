package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Logger logger = new LoggerContext().getLogger("io.waybill.Some");
    private final JsonLogEncoder encoder = new JsonLogEncoder();

    @Test
    void writesOneObjectOnOneLineWithTheFieldsNamed() throws Exception {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN, "Storage unavailable answering {}",
                null, new Object[] {"GET /ready"});
        event.setInstant(Instant.parse("2026-12-06T21:00:00.123Z"));
        event.setThreadName("virtual-42");
        event.setMDCPropertyMap(Map.of("request_id", "test-123", "other", "not written"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("}\n").doesNotContain("other");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(MAPPER.readTree(line)).isEqualTo(MAPPER.readTree("{\"time\": \"2026-12-06T21:00:00.123Z\","
                + " \"level\": \"WARN\", \"logger\": \"io.waybill.Some\", \"thread\": \"virtual-42\","
                + " \"message\": \"Storage unavailable answering GET /ready\", \"request_id\": \"test-123\"}"));
    }

    @Test
    void escapesWhatJsonMustAndKeepsTheStackTraceAsOneString() throws Exception {
        String awkward = "quote \" backslash \\ newline \n return \r tab \t nul \u0000 bell \u0007 \u8cf4 \ud83d\ude00"
                + " lone \ud83d end";
        IllegalStateException thrown = new IllegalStateException("outer", new RuntimeException(awkward));
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, awkward, thrown, null);
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of());

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode parsed = MAPPER.readTree(line);

        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(parsed.get("message").asText()).isEqualTo(awkward);
        assertThat(parsed.has("request_id")).isFalse();
        assertThat(parsed.get("exception").asText())
                .startsWith("java.lang.IllegalStateException: outer")
                .contains("\tat io.waybill.bootstrap.JsonLogEncoderTest", "Caused by: java.lang.RuntimeException: "
                        + awkward);
    }
}
