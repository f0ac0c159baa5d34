package io.waybill.adapters.cache;

import static io.waybill.adapters.cache.JsonNulls.optional;
import static io.waybill.adapters.cache.JsonNulls.orNull;

import io.waybill.domain.Article;
import java.math.BigDecimal;
import java.util.Optional;

/** An article as the cache stores it in JSON: the price as a plain decimal string. */
record ArticleDto(String name, int quantity, String price, String sku) {

    static ArticleDto of(Article article) {
        return new ArticleDto(article.name(), article.quantity(),
                orNull(article.price(), BigDecimal::toPlainString), article.sku().orElse(null));
    }

    Article toArticle() {
        return new Article(name, quantity, optional(price, BigDecimal::new), Optional.ofNullable(sku));
    }
}
