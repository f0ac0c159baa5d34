package io.waybill.adapters.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnsupportedMediaTypeResponse;
import io.waybill.application.port.in.ImportShipmentsUseCase.Command;
import io.waybill.application.port.in.ImportShipmentsUseCase.MalformedFileException;
import io.waybill.application.port.in.ImportShipmentsUseCase.Mode;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/imports?mode=import|strict|dry-run}: the track-and-trace CSV format, handed to the use case as
 * the bytes arrive ({@link ImportBody}); this adapter knows the format only by its content type. 200
 * with the report when the import ran, rejected lines or not; 422 with the report when a strict import found bad
 * lines and wrote nothing; 400 for a body that is not that format, or that broke off, with the report of what was done
 * before the break when it broke part way; 408 for a body that arrives slower than the minimum rate
 * ({@link PacedRequest}); 413 for a strict import's body over its bound; 415 for another content
 * type than UTF-8 {@code text/csv}.
 */
final class ImportShipmentsHandler implements Handler {

    static final String MODE = "mode";
    /** The name the use case knows the body by. */
    static final String BODY = "the request body";
    private static final Map<String, Mode> MODES = modes();
    private static final Pattern CSV = Pattern.compile("text/csv");
    private static final long MIB = 1024 * 1024;
    private static final String NOTHING_IMPORTED = "; nothing was imported";
    private static final Logger LOG = LoggerFactory.getLogger(ImportShipmentsHandler.class);

    private final ImportShipmentsUseCase importShipments;
    private final long maxStrictImportBytes;
    private final JsonWriter json;

    ImportShipmentsHandler(ImportShipmentsUseCase importShipments, long maxStrictImportBytes, JsonWriter json) {
        this.importShipments = importShipments;
        this.maxStrictImportBytes = maxStrictImportBytes;
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
        ImportBody body = mode == Mode.STRICT
                ? ImportBody.bounded(ctx.bodyInputStream(), maxStrictImportBytes)
                : ImportBody.streamed(ctx.bodyInputStream());
        try {
            Report report = importShipments.importShipments(new Command(body, BODY, mode, lines -> {}));
            ExceptionMapping.closeIfBodyUnread(ctx); // the use case may stop reading early
            json.json(ctx, mode == Mode.STRICT && !report.written() ? 422 : 200,
                    ImportReportJson.of(report, name(mode)));
        } catch (MalformedFileException e) {
            throw new BadRequestResponse("The body is not the track-and-trace CSV format: " + e.getMessage()
                    + NOTHING_IMPORTED);
        } catch (UncheckedIOException e) {
            throw unread(e, NOTHING_IMPORTED);
        } catch (ImportShipmentsUseCase.IncompleteImportException e) {
            answerIncomplete(ctx, e, mode);
        }
    }

    // A body that breaks part way: 400 (413 for a strict import over its bound) with the report of what was done.
    private void answerIncomplete(Context ctx, ImportShipmentsUseCase.IncompleteImportException e, Mode mode) {
        String imported = e.report().written()
                ? "; the shipments read before it were imported as the report says, the last one aside: send the"
                        + " file again once it is mended, and they count as unchanged"
                : NOTHING_IMPORTED;
        RuntimeException failure;
        if (e.getCause() instanceof MalformedFileException format) {
            failure = new BadRequestResponse("The body is not the track-and-trace CSV format past a point: "
                    + format.getMessage() + imported);
        } else if (e.getCause() instanceof UncheckedIOException unread) {
            failure = unread(unread, imported);
        } else {
            throw e;
        }
        if (!(failure instanceof HttpResponseException response)) {
            throw failure;
        }
        ExceptionMapping.closeIfBodyUnread(ctx);
        json.problem(ctx, Problem.of(response.getStatus(), HttpStatus.forStatus(response.getStatus()).getMessage(),
                response.getMessage(), ctx.path()).withReport(ImportReportJson.of(e.report(), name(mode))));
    }

    private RuntimeException unread(UncheckedIOException e, String imported) {
        Throwable cause = e.getCause();
        while (cause.getCause() != null && !(cause instanceof ImportBody.TooLargeException
                || cause instanceof ImportBody.BrokenOffException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ImportBody.TooLargeException) {
            return new ContentTooLargeResponse("A strict import's body may be at most " + size(maxStrictImportBytes)
                    + ", since it is imported in one transaction; nothing was imported. Check the file with mode=dry-run"
                    + " and import it without mode=strict, or send it in parts");
        }
        if (cause instanceof ImportBody.BrokenOffException && tooSlow(cause)) {
            LOG.info("An import's body arrived too slowly: {}", cause.getMessage());
            return new HttpResponseException(408, "The body arrived too slowly (" + cause.getMessage() + ")"
                    + imported);
        }
        if (cause instanceof ImportBody.BrokenOffException) {
            LOG.info("An import's body broke off: {}", cause.getMessage());
            return new BadRequestResponse("The body could not be read to its end (" + cause.getMessage() + ")"
                    + imported);
        }
        return e;
    }

    private static boolean tooSlow(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PacedRequest.TooSlowException) {
                return true;
            }
        }
        return false;
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
