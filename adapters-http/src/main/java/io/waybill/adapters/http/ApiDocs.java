package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's description, {@code GET /openapi.json} (OpenAPI 3.1, kept by hand in this module's resources beside this
 * class), and Swagger UI showing it at {@code /docs}: its files from the {@code org.webjars:swagger-ui} jar, served
 * by Waybill itself, and a page and start-up script of our own, so that the browser fetches nothing from elsewhere
 * (and loads no inline script: the policy below allows only this server). Files are read from the class path when
 * asked for, so that an API nobody reads the docs of keeps none of them in memory. Thread-safe.
 */
final class ApiDocs {

    static final String DESCRIPTION_PATH = "/openapi.json";
    static final String PAGE_PATH = "/docs";
    /**
     * Swagger UI styles its elements from script and shows its icons as {@code data:} images; everything else is
     * this server's alone.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final String OWN = "/io/waybill/adapters/http/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Map<String, String> SWAGGER_FILES = Map.of(
            "swagger-ui.css", "text/css;charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript;charset=utf-8",
            "favicon-32x32.png", "image/png");

    private final String webjar;

    private ApiDocs(String webjar) {
        this.webjar = webjar;
    }

    /** @throws IllegalStateException if the swagger-ui webjar is not on the class path */
    static ApiDocs load() {
        try (InputStream pom = ApiDocs.class.getResourceAsStream(WEBJAR_POM)) {
            if (pom == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(pom);
            return new ApiDocs("/META-INF/resources/webjars/swagger-ui/" + properties.getProperty("version") + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void description(Context ctx) {
        send(ctx, OWN + "openapi.json", JsonWriter.JSON);
    }

    void page(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        send(ctx, OWN + "docs/index.html", "text/html;charset=utf-8");
    }

    void file(Context ctx) {
        String name = ctx.pathParam("file");
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        if (name.equals("initializer.js")) {
            send(ctx, OWN + "docs/initializer.js", "text/javascript;charset=utf-8");
        } else if (SWAGGER_FILES.containsKey(name)) {
            send(ctx, webjar + name, SWAGGER_FILES.get(name));
        } else {
            throw new NotFoundResponse();
        }
    }

    // Each file read from the class path once, then served from memory: a few files, fixed, about 1.6 MB in all.
    private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

    private static void send(Context ctx, String resource, String contentType) {
        byte[] bytes = LOADED.computeIfAbsent(resource, ApiDocs::load);
        try {
            ctx.res().setStatus(200);
            ctx.res().setContentType(contentType);
            ctx.res().setContentLength(bytes.length);
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] load(String resource) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
