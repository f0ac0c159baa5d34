-- SQLite; db/postgresql/V4__weather.sql explains the table. Times are INTEGER microseconds (see V1), numbers REAL.
CREATE TABLE weather_places (
    place_key     TEXT PRIMARY KEY,
    country       TEXT NOT NULL,
    zip           TEXT,
    city          TEXT,
    latitude      REAL,
    longitude     REAL,
    location_name TEXT,
    outcome       TEXT CHECK (outcome IN ('found', 'not_found', 'unreachable')),
    temperature_c REAL,
    weather_code  INTEGER,
    wind_kmh      REAL,
    located_as    TEXT,
    observed_at   INTEGER,
    fetched_at    INTEGER,
    good_until    INTEGER,
    failures      INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    claimed_until INTEGER
);
