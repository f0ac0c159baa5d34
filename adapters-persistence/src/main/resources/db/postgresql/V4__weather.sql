-- PostgreSQL 15; db/sqlite/V4__weather.sql is the same for SQLite.

-- The weather of places, shared by every instance on the database (JdbiWeatherStore), and the claims that let one
-- instance at a time fetch a place's weather, so that a place costs at most one forecast call per max age across the
-- cluster. One row per place, by WeatherPlace.key(): FR 75001 by zip, GB city london without one. Text columns have
-- no length: places come from addresses whose lengths the domain checks, and the key is made of them.
--
-- A row that a claim made before any fetch has no outcome: outcome, good_until and the weather are NULL until the
-- first save. The weather columns are NULL together (no weather yet); so are latitude and longitude (not located
-- yet). An unreachable provider keeps the weather of the last fetch that found some.
CREATE TABLE weather_places (
    place_key     TEXT PRIMARY KEY,
    -- The place as last saved (or claimed): one of the spellings that share its key.
    country       CHAR(2) NOT NULL,
    zip           TEXT,
    city          TEXT,
    -- Where the provider found the place, kept for good once found.
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    location_name TEXT,
    outcome       VARCHAR(11) CHECK (outcome IN ('found', 'not_found', 'unreachable')),
    -- The last weather fetched: the provider's observation, the name it found the place under, and when Waybill
    -- fetched it.
    temperature_c DOUBLE PRECISION,
    weather_code  INT,
    wind_kmh      DOUBLE PRECISION,
    located_as    TEXT,
    observed_at   TIMESTAMP WITH TIME ZONE,
    fetched_at    TIMESTAMP WITH TIME ZONE,
    -- Until when the place needs no fetch: the weather's age limit, or the end of a failure's back-off.
    good_until    TIMESTAMP WITH TIME ZONE,
    -- Unreachable fetches in a row, for the back-off.
    failures      INT NOT NULL DEFAULT 0 CHECK (failures >= 0),
    -- Until when one instance holds the next fetch; NULL or past when none does. Times are the instances' clocks.
    claimed_until TIMESTAMP WITH TIME ZONE
);
