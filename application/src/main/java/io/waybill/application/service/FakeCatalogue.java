package io.waybill.application.service;

import io.waybill.domain.Article;
import io.waybill.domain.Weight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import net.datafaker.Faker;

/**
 * The products that fake shipments hold: a catalogue shared by every region, so that one SKU turns up in many
 * shipments, as in the sample file. Draws from the random source it is given. Not thread-safe.
 */
final class FakeCatalogue {

    private static final int PRODUCTS = 600;

    private final Random random;
    private final List<Product> products;

    FakeCatalogue(Random random) {
        this.random = random;
        this.products = products(new Faker(Locale.ENGLISH, random));
    }

    /** One to three articles, most of them single. */
    List<Article> articles() {
        double draw = random.nextDouble();
        int count = draw < 0.5 ? 1 : draw < 0.8 ? 2 : 3;
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Product product = FakeRegion.pick(products, random);
            int quantity = random.nextDouble() < 0.75 ? 1 : 2 + random.nextInt(4);
            articles.add(new Article(product.name(), quantity, Optional.of(product.price()),
                    Optional.of(product.sku())));
        }
        return articles;
    }

    /** A weight made up from the articles' SKUs, so that a product always weighs the same. */
    static Weight weight(List<Article> articles) {
        double kilograms = articles.stream().mapToDouble(article -> article.quantity()
                * (0.2 + (article.sku().hashCode() & 0xffff) / 8192.0)).sum();
        return new Weight(BigDecimal.valueOf(kilograms).setScale(3, RoundingMode.HALF_UP));
    }

    private static List<Product> products(Faker faker) {
        return IntStream.range(0, PRODUCTS).mapToObj(i -> {
            String name = faker.commerce().productName();
            String initials = name.chars().filter(Character::isUpperCase).limit(2)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            // Prices from 1 to 2,000, as many under 45 as above: evenly spread on a logarithmic scale.
            long cents = Math.round(100 * Math.exp(faker.random().nextDouble() * Math.log(2_000)));
            return new Product(name, initials + (100 + i), BigDecimal.valueOf(cents, 2));
        }).toList();
    }

    private record Product(String name, String sku, BigDecimal price) {}
}
