package io.waybill.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheSettingsTest {

    private static final CacheSettings DEFAULTS = CacheSettings.defaults();

    @Test
    void defaultsCacheInProcess() {
        assertThat(DEFAULTS.redisUrl()).isEmpty();
        assertThat(DEFAULTS.ttl()).isEqualTo(Duration.ofHours(4));
        assertThat(DEFAULTS.negativeTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.keyPrefix()).isEqualTo("waybill:");
    }

    @Test
    void readsCredentialsDatabaseAndTlsFromTheUrl() {
        URI url = URI.create("rediss://cache:s%40cret@redis.example:6380/2");
        CacheSettings settings = DEFAULTS.withRedisUrl(url);

        assertThat(settings.redisUrl()).contains(url);
        assertThat(CacheSettings.user(url)).contains("cache");
        assertThat(CacheSettings.password(url)).contains("s@cret");
        assertThat(CacheSettings.database(url)).isEqualTo(2);
        assertThat(CacheSettings.port(url)).isEqualTo(6380);
        assertThat(CacheSettings.isTls(url)).isTrue();
        URI bare = URI.create("redis://:secret@localhost");
        assertThat(CacheSettings.user(bare)).isEmpty();
        assertThat(CacheSettings.password(bare)).contains("secret");
        assertThat(CacheSettings.port(bare)).isEqualTo(6379);
        assertThat(CacheSettings.database(bare)).isZero();
        assertThat(CacheSettings.isTls(bare)).isFalse();
        assertThat(CacheSettings.host(URI.create("redis://[::1]:6379"))).isEqualTo("::1");
    }

    @Test
    void neverShowsThePassword() {
        CacheSettings settings = DEFAULTS.withRedisUrl(URI.create("redis://cache:hunter2@redis.example:6380/1"));

        assertThat(settings.toString()).contains("redis://cache:****@redis.example:6380/1").doesNotContain("hunter2");
        assertThat(DEFAULTS.withRedisUrl(URI.create("redis://redis.example")).toString())
                .contains("redis://redis.example,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://redis.example", "redis:///0", "redis://hunter2@redis.example",
            "redis://u:hunter2@redis.example/x", "redis://u:hunter2@redis.example?protocol=3", "redis.example:6379"})
    void refusesUrlsItCannotUseWithoutShowingThePassword(String url) {
        assertThatThrownBy(() -> DEFAULTS.withRedisUrl(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redisUrl")
                .message().doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://redis.example", "redis:///0", "redis://hunter2@redis.example",
            "redis://u:hunter2@redis.example/x", "redis://u:hunter2@redis.example?protocol=3", "redis.example:6379",
            "redis://u:hunter2@redis example", "redis://u:hunter2@[::1"})
    void parsingRefusesWhatTheConstructorRefusesAndTextThatIsNoUrlWithoutShowingThePassword(String url) {
        assertThatThrownBy(() -> CacheSettings.parseRedisUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redisUrl")
                .message().doesNotContain("hunter2");
    }

    // URI schemes are case-insensitive (RFC 3986, section 3.1): REDIS:// is redis://, REDISS:// is TLS.
    @ParameterizedTest
    @ValueSource(strings = {"REDIS://redis.example:6380/1", "Redis://redis.example:6380/1",
            "REDISS://redis.example:6380/1", "rEdIsS://redis.example:6380/1"})
    void takesTheSchemeInAnyCase(String text) {
        URI url = CacheSettings.parseRedisUrl(text);

        assertThat(DEFAULTS.withRedisUrl(url).redisUrl()).contains(URI.create(text));
        assertThat(CacheSettings.host(url)).isEqualTo("redis.example");
        assertThat(CacheSettings.port(url)).isEqualTo(6380);
        assertThat(CacheSettings.database(url)).isEqualTo(1);
        assertThat(CacheSettings.isTls(url)).isEqualTo(text.toLowerCase(Locale.ROOT).startsWith("rediss"));
    }

    @Test
    void refusesDurationsAndSizesThatMakeNoSense() {
        assertThatThrownBy(() -> with(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(100), "p:", 1))
                .hasMessage("ttl must be at least 1 ms; got PT0S");
        assertThatThrownBy(() -> with(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100), "p:", 1))
                .hasMessage("negativeTtl must not be longer than ttl; got PT2S and PT1S");
        assertThatThrownBy(() -> with(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(2), "p:", 1))
                .hasMessage("redisTimeout must be at most a minute; got PT2M");
        assertThatThrownBy(() -> with(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100), "p:", -1))
                .hasMessage("maxEntries must be at least 0; got -1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space:", "glob*:", "what?", "[x]", "back\\slash", "tab\t"})
    void refusesKeyPrefixesThatAreNotPlainPrintableText(String prefix) {
        assertThatThrownBy(() -> with(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100), prefix, 1))
                .hasMessageStartingWith("keyPrefix must be");
    }

    @Test
    void acceptsTypicalKeyPrefixes() {
        assertThat(with(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100), "waybill-prod:{eu}:", 1)
                .keyPrefix()).isEqualTo("waybill-prod:{eu}:");
    }

    private static CacheSettings with(Duration ttl, Duration negativeTtl, Duration timeout, String prefix, long max) {
        return new CacheSettings(Optional.empty(), ttl, negativeTtl, timeout, Duration.ofSeconds(5), prefix, max);
    }
}
