package io.waybill.adapters.persistence;

import io.waybill.application.port.out.WeatherProvider.Location;
import io.waybill.application.port.out.WeatherStore;
import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The weather of places in {@code weather_places}, one row per {@link WeatherPlace#key}, shared by every instance on
 * the database. Times are stored to the microsecond (truncated), all that both databases keep.
 *
 * <p>{@link #find} reads a row back with the place as it was last saved, one of the spellings that share its key, and
 * the weather at that place; a row that a claim made and no fetch has saved yet is nothing stored. Thread-safe.
 */
final class JdbiWeatherStore implements WeatherStore {

    private static final String FIND = """
            SELECT country, zip, city, latitude, longitude, location_name, outcome, temperature_c, weather_code,
                   wind_kmh, located_as, observed_at, fetched_at, good_until, failures
            FROM weather_places
            WHERE place_key = :key AND outcome IS NOT NULL
            """;

    // One statement, so no transaction around it: it inserts the row with the claim, or takes the claim in the row
    // there is when the condition holds, atomically on both databases. PostgreSQL's ON CONFLICT DO UPDATE waits for a
    // concurrent insert of the key, then locks the row and checks the condition on its latest version, so of racing
    // claimers the first takes the claim and the others see it; SQLite lets one writer at a time in, whichever
    // process it is in. The count of rows changed is 1 for an insert or a taken claim, 0 otherwise.
    private static final String CLAIM = """
            INSERT INTO weather_places (place_key, country, zip, city, claimed_until)
            VALUES (:key, :country, :zip, :city, :until)
            ON CONFLICT (place_key) DO UPDATE SET claimed_until = excluded.claimed_until
            WHERE (weather_places.claimed_until IS NULL OR weather_places.claimed_until <= :now)
              AND (weather_places.good_until IS NULL OR weather_places.good_until <= :now)
            """;

    // Every column from the outcome, whatever the row held; the claim, whoever held it, ends with the fetch's save.
    private static final String SAVE = """
            INSERT INTO weather_places (place_key, country, zip, city, latitude, longitude, location_name, outcome,
                temperature_c, weather_code, wind_kmh, located_as, observed_at, fetched_at, good_until, failures,
                claimed_until)
            VALUES (:key, :country, :zip, :city, :latitude, :longitude, :location_name, :outcome, :temperature_c,
                :weather_code, :wind_kmh, :located_as, :observed_at, :fetched_at, :good_until, :failures, NULL)
            ON CONFLICT (place_key) DO UPDATE SET country = excluded.country, zip = excluded.zip,
                city = excluded.city, latitude = excluded.latitude, longitude = excluded.longitude,
                location_name = excluded.location_name, outcome = excluded.outcome,
                temperature_c = excluded.temperature_c, weather_code = excluded.weather_code,
                wind_kmh = excluded.wind_kmh, located_as = excluded.located_as, observed_at = excluded.observed_at,
                fetched_at = excluded.fetched_at, good_until = excluded.good_until, failures = excluded.failures,
                claimed_until = NULL
            """;

    // <final>: the codes of the final statuses (ShipmentStatus.isFinal), bound as a list.
    private static final String AWAITING_DELIVERY = """
            SELECT receiver_zip, receiver_city, receiver_country
            FROM shipments
            WHERE receiver_country IS NOT NULL AND (receiver_zip IS NOT NULL OR receiver_city IS NOT NULL)
              AND status NOT IN (<final>)
            GROUP BY receiver_zip, receiver_city, receiver_country
            ORDER BY count(*) DESC
            LIMIT :limit
            """;

    private final Jdbi jdbi;
    private final Engine engine;
    private final RowMapper<Stored> mapper;

    JdbiWeatherStore(Jdbi jdbi, Engine engine) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.mapper = (row, context) -> map(row, engine);
    }

    @Override
    public Optional<Stored> find(WeatherPlace place) {
        return DatabaseFailures.attempt("read the weather of a place", () -> jdbi.withHandle(handle ->
                handle.createQuery(FIND).bind("key", place.key()).map(mapper).findOne()));
    }

    @Override
    public boolean claim(WeatherPlace place, Instant now, Instant until) {
        return DatabaseFailures.attempt("claim the weather of a place", () -> jdbi.withHandle(handle ->
                handle.createUpdate(CLAIM)
                        .bind("key", place.key())
                        .bind("country", place.country().value())
                        .bind("zip", place.zip().orElse(null))
                        .bind("city", place.city().orElse(null))
                        .bind("until", time(until))
                        .bind("now", time(now))
                        .execute()) == 1);
    }

    @Override
    public void save(Stored stored) {
        WeatherPlace place = stored.place();
        Optional<Location> location = stored.location();
        Optional<Weather> weather = stored.weather();
        DatabaseFailures.attempt("store the weather of a place", () -> jdbi.withHandle(handle ->
                handle.createUpdate(SAVE)
                        .bind("key", place.key())
                        .bind("country", place.country().value())
                        .bind("zip", place.zip().orElse(null))
                        .bind("city", place.city().orElse(null))
                        .bind("latitude", location.map(found -> found.coordinates().latitude()).orElse(null))
                        .bind("longitude", location.map(found -> found.coordinates().longitude()).orElse(null))
                        .bind("location_name", location.flatMap(Location::name).orElse(null))
                        .bind("outcome", stored.outcome().name().toLowerCase(Locale.ROOT))
                        .bind("temperature_c", weather.map(Weather::temperatureC).orElse(null))
                        .bind("weather_code", weather.map(observed -> observed.code().value()).orElse(null))
                        .bind("wind_kmh", weather.map(Weather::windKmh).orElse(null))
                        .bind("located_as", weather.flatMap(Weather::locatedAs).orElse(null))
                        .bind("observed_at", time(weather.map(Weather::observedAt).orElse(null)))
                        .bind("fetched_at", time(weather.map(Weather::fetchedAt).orElse(null)))
                        .bind("good_until", time(stored.goodUntil()))
                        .bind("failures", stored.failures())
                        .execute()));
    }

    @Override
    public void release(WeatherPlace place, Instant until) {
        DatabaseFailures.attempt("release the claim on a place's weather", () -> jdbi.withHandle(handle ->
                handle.createUpdate("UPDATE weather_places SET claimed_until = NULL"
                                + " WHERE place_key = :key AND claimed_until = :until")
                        .bind("key", place.key())
                        .bind("until", time(until))
                        .execute()));
    }

    @Override
    public List<Address> placesAwaitingDelivery(int limit) {
        List<String> finalStatuses = Arrays.stream(ShipmentStatus.values()).filter(ShipmentStatus::isFinal)
                .map(ShipmentStatus::code).toList();
        return DatabaseFailures.attempt("read the places of shipments under way", () -> jdbi.withHandle(handle ->
                handle.createQuery(AWAITING_DELIVERY)
                        .bindList("final", finalStatuses)
                        .bind("limit", limit)
                        .map((row, context) -> {
                            ColumnReader in = new ColumnReader(row, 1, engine);
                            return new Address(Optional.empty(), in.optionalText(), in.optionalText(), in.country());
                        })
                        .list()));
    }

    // Through the engine, which also types a NULL for the column: PostgreSQL takes no untyped NULL everywhere.
    private Argument time(Instant instant) {
        OffsetDateTime value = instant == null ? null : Times.utc(instant.truncatedTo(ChronoUnit.MICROS));
        return (position, statement, context) -> engine.setTime(statement, position, value);
    }

    // In the order of FIND.
    private static Stored map(ResultSet row, Engine engine) throws SQLException {
        ColumnReader in = new ColumnReader(row, 1, engine);
        WeatherPlace place = new WeatherPlace(new CountryCode(in.text()), in.optionalText(), in.optionalText());
        Optional<Double> latitude = in.real();
        Optional<Double> longitude = in.real();
        Optional<String> locationName = in.optionalText();
        Optional<Location> location = latitude.map(
                lat -> new Location(new Coordinates(lat, longitude.orElseThrow()), locationName));
        Outcome outcome = Outcome.valueOf(in.text().toUpperCase(Locale.ROOT));
        Optional<Double> temperature = in.real();
        Optional<Integer> code = in.optionalInteger();
        Optional<Double> wind = in.real();
        Optional<String> locatedAs = in.optionalText();
        Optional<Instant> observedAt = in.optionalInstant();
        Optional<Instant> fetchedAt = in.optionalInstant();
        Optional<Weather> weather = temperature.map(celsius -> new Weather(place, locatedAs, celsius,
                WeatherCode.of(code.orElseThrow()), wind.orElseThrow(), observedAt.orElseThrow(),
                fetchedAt.orElseThrow()));
        return new Stored(place, location, weather, outcome, in.instant(), in.integer());
    }
}
