package io.waybill.adapters.persistence;

import io.waybill.domain.Article;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code shipment_articles} table: a shipment's articles, by position. */
final class ArticleRows {

    private static final String INSERT = """
            INSERT INTO shipment_articles (shipment_id, position, name, quantity, price, sku)
            VALUES (:shipment_id, :position, :name, :quantity, :price, :sku)
            """;

    /** Needs {@code <ids>} bound to a list of shipment ids. */
    /** Followed by a condition on the shipments {@code s} whose articles to read. */
    static final String SELECT_WHERE = """
            SELECT a.shipment_id, a.name, a.quantity, a.price, a.sku
            FROM shipment_articles a JOIN shipments s ON s.id = a.shipment_id
            WHERE\s""";

    static final String ORDER = " ORDER BY a.shipment_id, a.position";

    static final RowMapper<Owned<Article>> MAPPER = ArticleRows::map;

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

    private static Owned<Article> map(ResultSet row, StatementContext context) throws SQLException {
        return new Owned<>(row.getLong("shipment_id"), new Article(row.getString("name"), row.getInt("quantity"),
                Optional.ofNullable(row.getBigDecimal("price")), Columns.text(row, "sku")));
    }

    /** A row that belongs to the shipment with database id {@code shipmentId}. */
    record Owned<T>(long shipmentId, T value) {}
}
