package io.waybill.adapters.persistence;

import io.waybill.application.port.out.WebhookStore;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.webhook.WebhookEvent;
import io.waybill.domain.webhook.WebhookSecret;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;

/**
 * The webhook subscriptions, messages and attempts of V8, shared by every instance on the database. A message is
 * claimed by a conditional UPDATE of its lease: of two instances that read it due, the one whose UPDATE comes second
 * finds the lease taken (PostgreSQL re-checks the condition on the row the first committed; SQLite lets one writer in
 * at a time) and leaves it. The outcome of an attempt is recorded only under the lease it was made under. Thread-safe.
 */
final class JdbcWebhookStore implements WebhookStore {

    private static final String SUBSCRIPTION = "id, owner, url, events, secret, created_at, disabled_reason";

    // The condition of the partial indexes of V8, spelled as V8 spells it: SQLite matches it by its text.
    private static final String PENDING = "state = 'pending'";

    private static final String DUE = """
            SELECT m.id, m.subscription_id, m.type, m.data, m.created_at, m.attempts,
                   s.id, s.owner, s.url, s.events, s.secret, s.created_at, s.disabled_reason
            FROM webhook_messages m JOIN webhook_subscriptions s ON s.id = m.subscription_id
            WHERE m.%1$s AND m.next_attempt_at <= :now AND s.disabled_reason IS NULL
              AND (m.lease_until IS NULL OR m.lease_until < :now)
              AND NOT EXISTS (SELECT 1 FROM webhook_messages e
                              WHERE e.subscription_id = m.subscription_id AND e.%1$s AND e.id < m.id)
            ORDER BY m.next_attempt_at, m.id
            LIMIT :limit
            """.formatted(PENDING);

    private static final String CLAIM = """
            UPDATE webhook_messages SET lease = :lease, lease_until = :until
            WHERE id = :id AND state = 'pending' AND (lease_until IS NULL OR lease_until < :now)
            """;

    // Nothing when the message went with its subscription while the attempt was under way.
    private static final String ATTEMPT = """
            INSERT INTO webhook_attempts (message_id, subscription_id, attempted_at, status, duration_micros, error)
            SELECT id, subscription_id, :at, :status, :micros, CAST(:error AS TEXT) FROM webhook_messages
            WHERE id = :message
            """;

    // As reports count stalled shipments (JdbiReportFigures): not final, nothing recorded since the limit. Once per
    // version: webhook_stalled keeps the versions announced.
    private static final String STALLED = """
            SELECT s.tracking_number, s.carrier, s.id, s.version FROM shipments s
            WHERE s.status NOT IN (%s)
              AND CASE WHEN s.updated_at > s.created_at THEN s.updated_at ELSE s.created_at END < :before
              AND NOT EXISTS (SELECT 1 FROM webhook_stalled w
                              WHERE w.shipment_id = s.id AND w.shipment_version = s.version)
            LIMIT :limit
            """.formatted(Arrays.stream(ShipmentStatus.values()).filter(ShipmentStatus::isFinal)
                    .map(status -> "'" + status.code() + "'").collect(Collectors.joining(", ")));

    private final Jdbi jdbi;
    private final Engine engine;
    private final ShipmentReader shipments;
    private final WebhookOutbox outbox;

    JdbcWebhookStore(Jdbi jdbi, Engine engine, ShipmentReader shipments, WebhookOutbox outbox) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.shipments = shipments;
        this.outbox = outbox;
    }

    @Override
    public void add(Subscription subscription) {
        DatabaseFailures.attempt("keep a webhook subscription", () -> jdbi.withHandle(handle -> handle.createUpdate(
                        "INSERT INTO webhook_subscriptions (" + SUBSCRIPTION + ") VALUES (:id, :owner, :url, :events,"
                                + " :secret, :created_at, NULL)")
                .bind("id", subscription.id())
                .bind("owner", subscription.owner())
                .bind("url", subscription.url().toString())
                .bind("events", events(subscription.events()))
                .bind("secret", subscription.secret().value())
                .bind("created_at", time(subscription.createdAt()))
                .execute()));
    }

    @Override
    public Optional<Subscription> find(String owner, String id) {
        return DatabaseFailures.attempt("read a webhook subscription", () -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + SUBSCRIPTION + " FROM webhook_subscriptions WHERE id = :id AND owner = :owner")
                .bind("id", id).bind("owner", owner)
                .map((row, context) -> subscription(row, 1))
                .findOne()));
    }

    @Override
    public List<Subscription> list(String owner) {
        return DatabaseFailures.attempt("list webhook subscriptions", () -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + SUBSCRIPTION + " FROM webhook_subscriptions WHERE owner = :owner"
                        + " ORDER BY created_at, id")
                .bind("owner", owner)
                .map((row, context) -> subscription(row, 1))
                .list()));
    }

    @Override
    public boolean delete(String owner, String id) {
        return DatabaseFailures.attempt("delete a webhook subscription", () -> jdbi.inTransaction(handle -> {
            int deleted = handle.createUpdate("DELETE FROM webhook_subscriptions WHERE id = :id AND owner = :owner")
                    .bind("id", id).bind("owner", owner).execute();
            if (deleted > 0) {
                handle.createUpdate("DELETE FROM webhook_attempts WHERE subscription_id = :id").bind("id", id)
                        .execute();
                handle.createUpdate("DELETE FROM webhook_messages WHERE subscription_id = :id").bind("id", id)
                        .execute();
            }
            return deleted > 0;
        }));
    }

    @Override
    public List<Attempt> attempts(String subscriptionId, int limit) {
        return DatabaseFailures.attempt("read webhook deliveries", () -> jdbi.withHandle(handle -> handle
                .createQuery("""
                        SELECT a.message_id, m.type, a.attempted_at, a.status, a.duration_micros, a.error
                        FROM webhook_attempts a JOIN webhook_messages m ON m.id = a.message_id
                        WHERE a.subscription_id = :subscription
                        ORDER BY a.id DESC
                        LIMIT :limit
                        """)
                .bind("subscription", subscriptionId).bind("limit", limit)
                .map((row, context) -> {
                    ColumnReader in = new ColumnReader(row, 1, engine);
                    String message = messageId(in.longInteger());
                    WebhookEvent event = event(in.text());
                    Instant at = in.instant();
                    Optional<Integer> status = in.optionalInteger();
                    Duration duration = Duration.of(in.longInteger(), ChronoUnit.MICROS);
                    return new Attempt(message, event, at,
                            status.map(OptionalInt::of).orElse(OptionalInt.empty()), duration, in.optionalText());
                })
                .list()));
    }

    /** A replay also makes a disabled subscription active again: its owner asked for a delivery. */
    @Override
    public boolean replay(String subscriptionId, String messageId, Instant now) {
        Optional<Long> id = number(messageId);
        if (id.isEmpty()) {
            return false;
        }
        return DatabaseFailures.attempt("replay a webhook message", () -> jdbi.inTransaction(handle -> {
            int replayed = handle.createUpdate("""
                            UPDATE webhook_messages SET state = 'pending', attempts = 0, next_attempt_at = :now,
                                lease = NULL, lease_until = NULL
                            WHERE id = :id AND subscription_id = :subscription
                            """)
                    .bind("now", time(now)).bind("id", id.get()).bind("subscription", subscriptionId).execute();
            if (replayed > 0) {
                handle.createUpdate("UPDATE webhook_subscriptions SET disabled_reason = NULL WHERE id = :id")
                        .bind("id", subscriptionId).execute();
            }
            return replayed > 0;
        }));
    }

    @Override
    public List<Claim> claimDue(Instant now, Duration lease, int limit) {
        Instant until = now.plus(lease);
        return DatabaseFailures.attempt("claim due webhook messages", () -> jdbi.withHandle(handle -> {
            List<Claim> due = handle.createQuery(DUE).bind("now", time(now)).bind("limit", limit)
                    .map((row, context) -> claim(row, until))
                    .list();
            List<Claim> claimed = new ArrayList<>(due.size());
            for (Claim claim : due) {
                int won = handle.createUpdate(CLAIM)
                        .bind("lease", claim.lease()).bind("until", time(until))
                        .bind("id", number(claim.message().id()).orElseThrow()).bind("now", time(now))
                        .execute();
                if (won == 1) {
                    claimed.add(claim);
                }
            }
            return claimed;
        }));
    }

    @Override
    public int recordStalled(Instant stalledBefore, Instant now, int limit) {
        return DatabaseFailures.attempt("announce stalled shipments", () -> {
            boolean subscribed = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM"
                            + " webhook_subscriptions WHERE disabled_reason IS NULL AND events LIKE :event")
                    .bind("event", "%," + WebhookEvent.STALLED.type() + ",%").mapTo(Long.class).one()) > 0;
            if (!subscribed) {
                return 0;
            }
            Map<ShipmentKey, long[]> stalled = new LinkedHashMap<>();
            jdbi.useHandle(handle -> handle.createQuery(STALLED)
                    .bind("before", time(stalledBefore)).bind("limit", limit)
                    .map((row, context) -> Map.entry(new ShipmentKey(new CarrierTrackingNumber(row.getString(1)),
                            new Carrier(row.getString(2))), new long[] {row.getLong(3), row.getLong(4)}))
                    .forEach(entry -> stalled.put(entry.getKey(), entry.getValue())));
            Map<ShipmentKey, Shipment> found = shipments.findAll(stalled.keySet());
            return jdbi.inTransaction(handle -> {
                int announced = 0;
                for (Map.Entry<ShipmentKey, long[]> entry : stalled.entrySet()) {
                    int marked = handle.createUpdate("INSERT INTO webhook_stalled (shipment_id, shipment_version)"
                                    + " VALUES (:id, :version) ON CONFLICT DO NOTHING")
                            .bind("id", entry.getValue()[0]).bind("version", entry.getValue()[1]).execute();
                    Shipment shipment = found.get(entry.getKey());
                    if (marked == 1 && shipment != null) {
                        outbox.record(handle.getConnection(), EnumSet.of(WebhookEvent.STALLED), shipment, now);
                        announced++;
                    }
                }
                return announced;
            });
        });
    }

    @Override
    public void delivered(Claim claim, Attempt attempt) {
        outcome("record a delivered webhook message", claim, attempt,
                "state = 'delivered'", null, null);
    }

    @Override
    public void retry(Claim claim, Attempt attempt, Instant next) {
        outcome("record a failed webhook attempt", claim, attempt,
                "attempts = attempts + 1, next_attempt_at = :next", next, null);
    }

    @Override
    public void giveUp(Claim claim, Attempt attempt, String reason) {
        Objects.requireNonNull(reason, "reason");
        outcome("disable a failing webhook subscription", claim, attempt,
                "state = 'failed', attempts = attempts + 1", null, reason);
    }

    private void outcome(String what, Claim claim, Attempt attempt, String change, Instant next, String reason) {
        long id = number(claim.message().id()).orElseThrow();
        DatabaseFailures.attempt(what, () -> jdbi.inTransaction(handle -> {
            insertAttempt(handle, id, attempt);
            var update = handle.createUpdate("UPDATE webhook_messages SET " + change
                            + ", lease = NULL, lease_until = NULL WHERE id = :id AND lease = :lease")
                    .bind("id", id).bind("lease", claim.lease());
            if (next != null) {
                update.bind("next", time(next));
            }
            update.execute();
            if (reason != null) {
                handle.createUpdate("UPDATE webhook_subscriptions SET disabled_reason = :reason"
                                + " WHERE id = :id AND disabled_reason IS NULL")
                        .bind("reason", reason).bind("id", claim.subscription().id()).execute();
            }
            return null;
        }));
    }

    private void insertAttempt(Handle handle, long messageId, Attempt attempt) {
        var insert = handle.createUpdate(ATTEMPT)
                .bind("message", messageId)
                .bind("at", time(attempt.at()))
                .bind("micros", attempt.duration().toNanos() / 1000)
                .bind("error", attempt.error().orElse(null));
        if (attempt.status().isPresent()) {
            insert.bind("status", attempt.status().getAsInt());
        } else {
            insert.bindNull("status", java.sql.Types.INTEGER);
        }
        insert.execute();
    }

    private Claim claim(ResultSet row, Instant until) throws SQLException {
        ColumnReader in = new ColumnReader(row, 1, engine);
        long id = in.longInteger();
        String subscriptionId = in.text();
        WebhookEvent event = event(in.text());
        String data = in.text();
        Instant createdAt = in.instant();
        int attempts = in.integer();
        Message message = new Message(messageId(id), subscriptionId, event, data, createdAt, attempts);
        return new Claim(message, subscription(row, 7), UUID.randomUUID().toString(), until);
    }

    private Subscription subscription(ResultSet row, int first) throws SQLException {
        ColumnReader in = new ColumnReader(row, first, engine);
        String id = in.text();
        String owner = in.text();
        URI url = URI.create(in.text());
        Set<WebhookEvent> events = Arrays.stream(in.text().split(","))
                .filter(type -> !type.isEmpty())
                .map(JdbcWebhookStore::event)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEvent.class)));
        WebhookSecret secret = new WebhookSecret(in.text());
        Instant createdAt = in.instant();
        return new Subscription(id, owner, url, events, secret, createdAt, in.optionalText());
    }

    private static String events(Set<WebhookEvent> events) {
        return events.stream().sorted().map(WebhookEvent::type).collect(Collectors.joining(",", ",", ","));
    }

    private static WebhookEvent event(String type) {
        return WebhookEvent.ofType(type).orElseThrow(() -> new IllegalStateException("unknown webhook event " + type));
    }

    static String messageId(long id) {
        return "msg_" + id;
    }

    private static Optional<Long> number(String messageId) {
        if (!messageId.matches("msg_[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(messageId.substring(4)));
    }

    // Through the engine, which types the value for the column; microseconds, all that both databases keep.
    private Argument time(Instant instant) {
        OffsetDateTime value = Times.utc(instant.truncatedTo(ChronoUnit.MICROS));
        return (position, statement, context) -> engine.setTime(statement, position, value);
    }
}
