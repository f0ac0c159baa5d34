package io.waybill.adapters.http.page;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The frame of every page: the document's language, the style sheet and icon from {@link Assets}, a link past the
 * header to the content, a banner with the language switch, the main content and a footer. Landmarks are HTML's own
 * elements, so that a screen reader can jump between them. Immutable, thread-safe.
 */
final class Layout {

    private final Messages messages;
    private final Assets assets;

    Layout(Messages messages, Assets assets) {
        this.messages = messages;
        this.assets = assets;
    }

    /**
     * The whole page.
     *
     * @param title the page's own title, before the site's name
     * @param self this page's address in each language, for the language switch
     */
    String page(Language language, String title, Function<Language, String> self, Consumer<Html> content) {
        Html html = new Html().doctype();
        html.open("html", "lang", language.tag(), "dir", "ltr");
        html.open("head");
        html.open("meta", "charset", "utf-8");
        html.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", title + " · " + messages.get(language, "site.name"));
        html.open("link", "rel", "stylesheet", "href", assets.stylesHref());
        html.open("link", "rel", "icon", "type", "image/svg+xml", "href", assets.iconHref());
        html.close("head");
        html.open("body");
        html.element("a", messages.get(language, "skip"), "class", "skip", "href", "#main");
        banner(html, language, self);
        html.open("main", "id", "main", "class", "wrap");
        content.accept(html);
        html.close("main");
        html.open("footer", "class", "site").open("div", "class", "wrap");
        html.element("p", messages.get(language, "footer"));
        html.close("div").close("footer");
        html.close("body").close("html");
        return html.toString();
    }

    private void banner(Html html, Language language, Function<Language, String> self) {
        html.open("header", "class", "site").open("div", "class", "wrap bar");
        html.open("a", "class", "brand", "href", Links.form(language));
        html.open("img", "src", assets.iconHref(), "alt", "", "width", "32", "height", "32");
        html.text(messages.get(language, "site.name"));
        html.close("a");
        html.open("nav", "aria-label", messages.get(language, "nav.language"));
        html.open("ul", "class", "languages");
        for (Language other : Language.values()) {
            html.open("li");
            html.element("a", other.nativeName(), "href", self.apply(other), "lang", other.tag(), "hreflang",
                    other.tag(), "aria-current", other == language ? "true" : null);
            html.close("li");
        }
        html.close("ul").close("nav");
        html.close("div").close("header");
    }
}
