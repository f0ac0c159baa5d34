package io.waybill.adapters.persistence;

import io.waybill.domain.Article;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code shipment_articles} table: a shipment's articles, by position. */
final class ArticleRows {

    private static final String INSERT = """
            INSERT INTO shipment_articles (shipment_id, position, name, quantity, price, sku)
            VALUES (:shipment_id, :position, :name, :quantity, :price, :sku)
            """;

    private static final List<String> COLUMNS =
            List.of("shipment_id", "position", "name", "quantity", "price", "sku");

    private ArticleRows() {}

    /** The articles of every shipment, by the shipments' ids, in one go ({@link BulkInsert}). */
    static void insertAll(Connection connection, List<Shipment> shipments, Map<ShipmentKey, Long> ids)
            throws SQLException {
        BulkInsert.insert(connection, "shipment_articles", COLUMNS, out -> {
            for (Shipment shipment : shipments) {
                long shipmentId = ids.get(shipment.key());
                List<Article> articles = shipment.details().articles();
                for (int position = 0; position < articles.size(); position++) {
                    Article article = articles.get(position);
                    out.longInteger(shipmentId)
                            .integer(position)
                            .text(article.name())
                            .integer(article.quantity())
                            .decimal(article.price())
                            .text(article.sku())
                            .endRow();
                }
            }
        });
    }

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
