package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Weight;
import io.waybill.domain.trackingnumber.TrackingNumber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmbeddedLibraryTest {

    @Test
    void theReadmeSnippetIssuesANumber() {
        // BEGIN README SNIPPET
        Order order = new Order(
                CountryCode.of("MY"),
                CountryCode.of("ID"),
                Weight.parse("1.234"),
                new Customer(
                        CustomerId.parse("de619854-b59b-425e-9db4-943979e1bd49"),
                        new CustomerName("RedBox Logistics"),
                        new CustomerSlug("redbox-logistics")),
                OrderTime.parse("2018-11-20T19:29:32+08:00"));

        try (Waybill waybill = Waybill.start(WaybillConfig.embedded())) {
            TrackingNumber number = waybill.nextTrackingNumber(order).trackingNumber();
            System.out.println(number); // e.g. MY7QR70U7PJ64
        }
        // END README SNIPPET
    }

    @Test
    void theReadmeShowsExactlyThisSnippet() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/waybill/bootstrap/EmbeddedLibraryTest.java"));
        String snippet = source.substring(source.indexOf("// BEGIN README SNIPPET") + 24,
                source.indexOf("        // END README SNIPPET"));
        String unindented = snippet.lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("../README.md"))).contains(unindented);
    }

    @Test
    void issuesDistinctValidNumbersWithoutHttp() {
        try (Waybill waybill = Waybill.start(WaybillConfig.embedded())) {
            assertThat(waybill.httpPort()).isEmpty();
            Set<String> numbers = new HashSet<>();
            for (int i = 0; i < 3_000; i++) {
                TrackingNumber number = waybill.nextTrackingNumber(Orders.sample()).trackingNumber();
                assertThat(number.value()).matches("^[A-Z0-9]{1,16}$").startsWith("MY");
                assertThat(TrackingNumber.parse(number.value())).isEqualTo(number);
                numbers.add(number.value());
            }
            assertThat(numbers).hasSize(3_000);
        }
    }
}
