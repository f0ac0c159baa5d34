package io.waybill.adapters.http.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The page's style sheet and icon, read from the class path beside this class once, and named by their content
 * ({@link Asset#name}). Immutable, thread-safe.
 */
final class Assets {

    static final String PATH = "/assets/";

    private final Asset styles;
    private final Asset icon;
    private final Map<String, Asset> byName;

    private Assets(Asset styles, Asset icon) {
        this.styles = styles;
        this.icon = icon;
        this.byName = Map.of(styles.name(), styles, icon.name(), icon);
    }

    static Assets load() {
        return new Assets(read("tracking.css", "text/css;charset=utf-8"), read("icon.svg", "image/svg+xml"));
    }

    String stylesHref() {
        return PATH + styles.name();
    }

    String iconHref() {
        return PATH + icon.name();
    }

    Optional<Asset> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static Asset read(String file, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path beside " + Assets.class + ": " + file);
            }
            byte[] content = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
            int dot = file.lastIndexOf('.');
            return new Asset(file.substring(0, dot) + "." + digest + file.substring(dot), contentType, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
