package io.waybill.adapters.persistence;

import io.waybill.domain.Article;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code shipment_articles} table: a shipment's articles, by position. */
final class ArticleRows {

    private static final String INSERT = """
            INSERT INTO shipment_articles (shipment_id, position, name, quantity, price, sku)
            VALUES (:shipment_id, :position, :name, :quantity, :price, :sku)
            """;

    private ArticleRows() {}

    static void insert(Handle handle, long shipmentId, List<Article> articles) {
        if (articles.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (int position = 0; position < articles.size(); position++) {
            Article article = articles.get(position);
            batch.bind("shipment_id", shipmentId)
                    .bind("position", position)
                    .bind("name", article.name())
                    .bind("quantity", article.quantity())
                    .bind("price", article.price().orElse(null))
                    .bind("sku", article.sku().orElse(null))
                    .add();
        }
        batch.execute();
    }
}
