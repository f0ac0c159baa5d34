package io.waybill.adapters.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.Handler;
import io.javalin.http.UnsupportedMediaTypeResponse;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.in.ImportShipmentsUseCase.Command;
import io.waybill.application.port.in.ImportShipmentsUseCase.Mode;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/imports?mode=import|strict|dry-run}: the track-and-trace CSV format, read as it arrives. 200
 * with the report when the import ran, rejected lines or not; 422 with the report when a strict import found bad
 * lines and wrote nothing; 400 for a body that is not that format, or that broke off; 413 for a strict import's body
 * over its bound; 415 for another content type than UTF-8 {@code text/csv}.
 */
final class ImportShipmentsHandler implements Handler {

    static final String MODE = "mode";
    private static final Map<String, Mode> MODES = modes();
    private static final Pattern CSV = Pattern.compile("text/csv");
    private static final long MIB = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ImportShipmentsHandler.class);

    private final ImportShipmentsUseCase importShipments;
    private final long maxStrictImportBytes;
    private final Path spoolDirectory;
    private final JsonWriter json;

    ImportShipmentsHandler(ImportShipmentsUseCase importShipments, long maxStrictImportBytes, Path spoolDirectory,
            JsonWriter json) {
        this.importShipments = importShipments;
        this.maxStrictImportBytes = maxStrictImportBytes;
        this.spoolDirectory = spoolDirectory;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        RequestParameters parameters =
                new RequestParameters(ctx.queryString(), InvalidParametersException.QUERY_PARAMETER);
        Mode mode = parameters.optional(MODE, ImportShipmentsHandler::mode).orElse(Mode.IMPORT);
        parameters.throwIfInvalid();
        if (!MediaType.isUtf8(ctx.header(Header.CONTENT_TYPE), CSV)) {
            throw new UnsupportedMediaTypeResponse("The body must be CSV in UTF-8, sent with 'Content-Type: text/csv'");
        }
        try (ImportBody body = mode == Mode.STRICT
                ? ImportBody.spooled(ctx.bodyInputStream(), maxStrictImportBytes, spoolDirectory)
                : ImportBody.streamed(ctx.bodyInputStream())) {
            try {
                Report report = importShipments.importShipments(new Command(body::lines, mode, lines -> {}));
                ExceptionMapping.closeIfBodyUnread(ctx); // the use case may stop reading early
                json.json(ctx, mode == Mode.STRICT && !report.written() ? 422 : 200,
                        ImportReportJson.of(report, name(mode)));
            } catch (ShipmentCsv.FormatException e) {
                throw new BadRequestResponse("The body is not the track-and-trace CSV format: " + e.getMessage()
                        + whatWasImported(body, mode));
            } catch (UncheckedIOException e) {
                throw unread(e, body, mode);
            }
        }
    }

    private RuntimeException unread(UncheckedIOException e, ImportBody body, Mode mode) {
        Throwable cause = e.getCause();
        while (cause.getCause() != null && !(cause instanceof ImportBody.TooLargeException
                || cause instanceof ImportBody.BrokenOffException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ImportBody.TooLargeException) {
            return new ContentTooLargeResponse("A strict import's body may be at most " + size(maxStrictImportBytes)
                    + ", since it is kept to be read twice; nothing was imported. Check the file with mode=dry-run"
                    + " and import it without mode=strict, or send it in parts");
        }
        if (cause instanceof ImportBody.BrokenOffException) {
            LOG.info("An import's body broke off: {}", cause.getMessage());
            return new BadRequestResponse("The body could not be read to its end (" + cause.getMessage() + ")"
                    + whatWasImported(body, mode));
        }
        return e;
    }

    private static String whatWasImported(ImportBody body, Mode mode) {
        return mode == Mode.IMPORT && body.headerRead()
                ? "; whole shipments read before that point may have been imported: send the file again once it is"
                        + " mended, and they count as unchanged"
                : "; nothing was imported";
    }

    private static Mode mode(String text) {
        Mode mode = MODES.get(text);
        if (mode == null) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", MODES.keySet()));
        }
        return mode;
    }

    private static String name(Mode mode) {
        return MODES.entrySet().stream().filter(entry -> entry.getValue() == mode).findFirst().orElseThrow().getKey();
    }

    private static Map<String, Mode> modes() {
        Map<String, Mode> modes = new LinkedHashMap<>();
        modes.put("import", Mode.IMPORT);
        modes.put("strict", Mode.STRICT);
        modes.put("dry-run", Mode.DRY_RUN);
        return modes;
    }

    private static String size(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes + " bytes";
    }
}
