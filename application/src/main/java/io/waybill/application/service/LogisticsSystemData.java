package io.waybill.application.service;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Location.Centre;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The logistics system's own data, shipped as resources: its 16 centres and 18 recipients in Taiwan, from
 * {@code logistics_centres.csv} and {@code recipients.csv}, verbatim.
 */
final class LogisticsSystemData {

    private static final String DATA = "fake/";

    private LogisticsSystemData() {}

    static List<Centre> centres(CountryCode taiwan) {
        return rows("logistics_centres.csv", 4).stream()
                .map(row -> new Centre(row[0], row[1], taiwanese(row[3], taiwan)))
                .toList();
    }

    static List<Party> recipients(CountryCode taiwan) {
        return rows("recipients.csv", 4).stream()
                .map(row -> new Party(Optional.of(row[0]), Optional.of(row[1]), taiwanese(row[2], taiwan),
                        Optional.of(new Phone(row[3]))))
                .toList();
    }

    // A Taiwanese address as the logistics system wrote it: the city (…市 or …縣) first, then the street.
    private static Address taiwanese(String line, CountryCode country) {
        int end = IntStream.range(0, line.length()).filter(i -> "市縣".indexOf(line.charAt(i)) >= 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("no city in the built-in address " + line));
        return Address.of(line.substring(end + 1), null, line.substring(0, end + 1), country);
    }

    // The built-in files are ours: plain comma-separated lines, without quotes, under a header.
    private static List<String[]> rows(String file, int columns) {
        InputStream in = LogisticsSystemData.class.getResourceAsStream(DATA + file);
        Objects.requireNonNull(in, () -> "the built-in data " + DATA + file + " is missing");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
                String[] row = line.split(",", -1);
                if (row.length != columns) {
                    throw new IllegalStateException("the built-in " + file + " has a line of " + row.length
                            + " fields: " + line);
                }
                return row;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
