package io.waybill.adapters.http.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The page's words in each {@link Language}, from {@code messages_<tag>.properties} beside this class (UTF-8). Every
 * language must have exactly English's keys, checked when loaded, so that a page never shows a key or falls back to
 * English in the middle of a sentence. {@code {0}}, {@code {1}} in a text are replaced by the arguments as given
 * (no {@link java.text.MessageFormat}, whose quoting rules turn an apostrophe into a trap). Immutable, thread-safe.
 */
final class Messages {

    private final Map<Language, Map<String, String>> texts;

    private Messages(Map<Language, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** @throws IllegalStateException when a file is missing or its keys differ from English's */
    static Messages load() {
        Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            texts.put(language, read("messages_" + language.tag() + ".properties"));
        }
        Set<String> keys = texts.get(Language.ENGLISH).keySet();
        for (Language language : Language.values()) {
            if (!texts.get(language).keySet().equals(keys)) {
                Set<String> missing = new TreeSet<>(keys);
                missing.removeAll(texts.get(language).keySet());
                Set<String> extra = new TreeSet<>(texts.get(language).keySet());
                extra.removeAll(keys);
                throw new IllegalStateException("the page's " + language.tag() + " texts lack " + missing
                        + " and have " + extra + " that English lacks");
            }
        }
        return new Messages(texts);
    }

    /** The text of {@code key} in {@code language}, its placeholders replaced by {@code arguments} in order. */
    String get(Language language, String key, Object... arguments) {
        String text = texts.get(language).get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text has the key " + key);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    private static Map<String, String> read(String name) {
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path beside " + Messages.class + ": " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
