package io.waybill.adapters.http.page;

import java.util.Objects;

/**
 * A file the tracking page links to, served by Waybill itself.
 *
 * @param name its name in {@code /assets/}: its file name with a digest of its content before the extension, such
 *     as {@code tracking.3f2a1b9c4d5e.css}, so that it can be kept for a year and a new version is a new name
 */
public record Asset(String name, String contentType, byte[] content) {

    public Asset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
