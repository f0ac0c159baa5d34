package io.waybill.adapters.http.page;

/**
 * Writes HTML in which every piece of text and every attribute value is escaped: tag and attribute names come from
 * this package's code, never from a request or a shipment, so nothing a client or a carrier sent can become markup.
 * Not thread-safe: one per page being written.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(8192);

    /** Opens {@code tag} with its attributes, given as name and value pairs; a null value leaves its pair out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name and value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1], out);
                out.append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code tag} with {@code text} inside it. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        escape(text, out);
        return this;
    }

    /** The document type, which is markup of its own. */
    Html doctype() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** {@code text} fit for HTML text and for quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        escape(text, escaped);
        return escaped.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
