package io.waybill.adapters.http;

import static io.waybill.adapters.http.JsonFields.checkedBy;

import io.waybill.domain.Article;
import java.math.BigDecimal;
import java.util.Optional;

/** Reads an article {@code {name, quantity, price?, sku?}}; the price a JSON number or a string holding one. */
final class ArticleBody {

    private ArticleBody() {}

    static Optional<Article> article(JsonFields article) {
        article.required("name", "quantity");
        Optional<String> name = article.text("name", checkedBy(text -> new Article(text, 1, Optional.empty(),
                Optional.empty())));
        Optional<Integer> quantity = article.wholeNumber("quantity");
        quantity.ifPresent(value -> article.build("quantity", () -> new Article("x", value, Optional.empty(),
                Optional.empty())));
        Optional<BigDecimal> price = article.decimal("price", ArticleBody::price, ArticleBody::price);
        Optional<String> sku = article.text("sku", checkedBy(text -> new Article("x", 1, Optional.empty(),
                Optional.of(text))));
        article.rejectUnknownFields();
        return article.valid()
                ? Optional.of(new Article(name.orElseThrow(), quantity.orElseThrow(), price, sku))
                : Optional.empty();
    }

    private static BigDecimal price(String text) {
        return price(Article.parsePrice(text));
    }

    private static BigDecimal price(BigDecimal price) {
        new Article("x", 1, Optional.of(price), Optional.empty());
        return price;
    }
}
