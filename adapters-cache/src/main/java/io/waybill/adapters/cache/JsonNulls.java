package io.waybill.adapters.cache;

import java.util.Optional;
import java.util.function.Function;

/** How the cache's JSON holds an absent value: as a null, turned back into an empty {@link Optional} when read. */
final class JsonNulls {

    private JsonNulls() {}

    static <T, R> R orNull(Optional<T> value, Function<T, R> mapping) {
        return value.map(mapping).orElse(null);
    }

    static <T, R> Optional<R> optional(T value, Function<T, R> mapping) {
        return Optional.ofNullable(value).map(mapping);
    }
}
