package io.waybill.adapters.http;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a request's body as a JSON tree: 415 unless it is sent as UTF-8 JSON, 400 when it is empty or malformed
 * (duplicate names and trailing content included), a number out of range or text that is not valid Unicode. Decimals
 * are read exactly, never as doubles. Thread-safe.
 */
final class JsonBody {

    private static final Pattern JSON_MEDIA_TYPE = Pattern.compile("application/(?:[a-z0-9.+-]+\\+)?json");
    // How much of the body Jackson quotes in a parse error (a token, a stretch of content): the rest is cut.
    private static final int MAX_QUOTED = 40;

    private final ObjectReader reader;

    JsonBody(ObjectMapper mapper) {
        ObjectMapper parsing = mapper.copy();
        parsing.getFactory().setErrorReportConfiguration(ErrorReportConfiguration.builder()
                .maxErrorTokenLength(MAX_QUOTED).maxRawContentLength(MAX_QUOTED).build());
        this.reader = parsing.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** @param contentType the header as sent: a charset Java does not know is refused, not an exception */
    JsonNode read(String contentType, byte[] body) {
        requireJson(contentType);
        try {
            JsonNode tree = body.length == 0 ? null : reader.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new BadRequestResponse("The request needs a JSON body");
            }
            LoneSurrogates.in(tree).ifPresent(problem -> {
                throw new InvalidParametersException(InvalidParametersException.FIELD, List.of(problem));
            });
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new BadRequestResponse("The body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // Jackson reads 1E+2147483648 into no BigDecimal: an exponent beyond an int's range.
            throw new BadRequestResponse("The body is not valid JSON: a number in it is out of range");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireJson(String contentType) {
        if (!MediaType.isUtf8(contentType, JSON_MEDIA_TYPE)) {
            throw new UnsupportedMediaTypeResponse("The body must be JSON in UTF-8, sent with 'Content-Type:"
                    + " application/json'");
        }
    }
}
