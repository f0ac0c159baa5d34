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
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;

/**
 * The webhook subscriptions, messages and attempts of V8 and V9, shared by every instance on the database. A message
 * is claimed by a conditional UPDATE of its lease that re-checks everything that made it due: of two instances that
 * read it due, the one whose UPDATE comes second finds the lease taken, or the message attempted meanwhile, and leaves
 * it (PostgreSQL re-checks the condition on the row the first committed, and its readers skip the rows another is
 * claiming; SQLite lets one writer in at a time). The outcome of an attempt changes the message only under the lease it
 * was made under. Thread-safe.
 */
final class JdbcWebhookStore implements WebhookStore {

    private static final String SUBSCRIPTION = "id, owner, url, events, secret, created_at, disabled_reason";

    // The condition of the partial indexes of V8, spelled as V8 spells it: SQLite matches it by its text.
    private static final String PENDING = "state = 'pending'";

    // The oldest pending message of each lane of each active subscription (min over the partial index of V9), when it
    // is due and no instance holds it: the cost follows the subscriptions, not the messages waiting behind a failing
    // one. On PostgreSQL the rows are locked, skipping those another instance is claiming, so that instances share the
    // work.
    private static final String DUE = """
            SELECT m.id, m.subscription_id, m.type, m.data, m.created_at, m.attempts,
                   s.id, s.owner, s.url, s.events, s.secret, s.created_at, s.disabled_reason
            FROM webhook_subscriptions s
            CROSS JOIN (%2$s) l
            JOIN webhook_messages m ON m.id = (SELECT min(e.id) FROM webhook_messages e
                                               WHERE e.subscription_id = s.id AND e.lane = l.lane AND e.%1$s)
            WHERE s.disabled_reason IS NULL AND m.next_attempt_at <= :now
              AND (m.lease_until IS NULL OR m.lease_until < :now)
            ORDER BY m.next_attempt_at, m.id
            LIMIT :limit
            """.formatted(PENDING, IntStream.range(0, WebhookOutbox.LANES).mapToObj(lane -> "SELECT " + lane + " AS lane")
                    .collect(Collectors.joining(" UNION ALL ")));

    // Everything that made the row due, again: another instance may have attempted it and recorded a failure (a new
    // count, a later time) since it was read, or disabled its subscription.
    private static final String CLAIM = """
            UPDATE webhook_messages SET lease = :lease, lease_until = :until
            WHERE id = :id AND state = 'pending' AND attempts = :attempts AND next_attempt_at <= :now
              AND (lease_until IS NULL OR lease_until < :now)
              AND EXISTS (SELECT 1 FROM webhook_subscriptions s
                          WHERE s.id = webhook_messages.subscription_id AND s.disabled_reason IS NULL)
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

    // Only while the shipment still has the version judged stalled, and is still stalled.
    private static final String MARK_STALLED = """
            INSERT INTO webhook_stalled (shipment_id, shipment_version)
            SELECT s.id, s.version FROM shipments s
            WHERE s.id = :id AND s.version = :version
              AND CASE WHEN s.updated_at > s.created_at THEN s.updated_at ELSE s.created_at END < :before
            ON CONFLICT DO NOTHING
            """;

    private static final String PRUNE_MESSAGES = """
            DELETE FROM webhook_messages WHERE id IN (
                SELECT id FROM webhook_messages WHERE state <> 'pending' AND finished_at < :before
                ORDER BY finished_at LIMIT :limit)
            """;

    // A mark of a version the shipment no longer has is never read again (announcing reads the current version's).
    private static final String PRUNE_STALLED = """
            DELETE FROM webhook_stalled WHERE (shipment_id, shipment_version) IN (
                SELECT w.shipment_id, w.shipment_version FROM webhook_stalled w
                WHERE NOT EXISTS (SELECT 1 FROM shipments s
                                  WHERE s.id = w.shipment_id AND s.version = w.shipment_version)
                LIMIT :limit)
            """;

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
    public boolean enable(String owner, String id) {
        return DatabaseFailures.attempt("enable a webhook subscription", () -> jdbi.withHandle(handle -> handle
                .createUpdate("UPDATE webhook_subscriptions SET disabled_reason = NULL WHERE id = :id AND owner = :owner")
                .bind("id", id).bind("owner", owner)
                .execute() > 0));
    }

    @Override
    public AttemptPage attempts(String subscriptionId, OptionalLong before, int limit) {
        return DatabaseFailures.attempt("read webhook deliveries", () -> jdbi.withHandle(handle -> {
            var query = handle.createQuery("""
                            SELECT a.id, a.message_id, m.type, a.attempted_at, a.status, a.duration_micros, a.error
                            FROM webhook_attempts a JOIN webhook_messages m ON m.id = a.message_id
                            WHERE a.subscription_id = :subscription %s
                            ORDER BY a.id DESC
                            LIMIT :limit
                            """.formatted(before.isPresent() ? "AND a.id < :before" : ""))
                    .bind("subscription", subscriptionId).bind("limit", limit + 1);
            before.ifPresent(cursor -> query.bind("before", cursor));
            List<Map.Entry<Long, Attempt>> rows = query.map((row, context) -> {
                ColumnReader in = new ColumnReader(row, 1, engine);
                long id = in.longInteger();
                String message = messageId(in.longInteger());
                WebhookEvent event = event(in.text());
                Instant at = in.instant();
                Optional<Integer> status = in.optionalInteger();
                Duration duration = Duration.of(in.longInteger(), ChronoUnit.MICROS);
                return Map.entry(id, new Attempt(message, event, at,
                        status.map(OptionalInt::of).orElse(OptionalInt.empty()), duration, in.optionalText()));
            }).list();
            List<Map.Entry<Long, Attempt>> page = rows.subList(0, Math.min(limit, rows.size()));
            return new AttemptPage(page.stream().map(Map.Entry::getValue).toList(), rows.size() > limit
                    ? OptionalLong.of(page.get(page.size() - 1).getKey()) : OptionalLong.empty());
        }));
    }

    @Override
    public Replay replay(String subscriptionId, String messageId, Instant now) {
        Optional<Long> id = number(messageId);
        if (id.isEmpty()) {
            return Replay.NO_SUCH_MESSAGE;
        }
        // The write first: on SQLite a transaction that read before writing fails once another writer came between.
        return DatabaseFailures.attempt("replay a webhook message", () -> jdbi.withHandle(handle -> {
            int replayed = handle.createUpdate("""
                            UPDATE webhook_messages SET state = 'pending', attempts = 0, next_attempt_at = :now,
                                lease = NULL, lease_until = NULL, finished_at = NULL
                            WHERE id = :id AND subscription_id = :subscription
                              AND (lease_until IS NULL OR lease_until < :now)
                              AND EXISTS (SELECT 1 FROM webhook_subscriptions s
                                          WHERE s.id = :subscription AND s.disabled_reason IS NULL)
                            """)
                    .bind("now", time(now)).bind("id", id.get()).bind("subscription", subscriptionId).execute();
            if (replayed > 0) {
                return Replay.REPLAYED;
            }
            boolean exists = handle.createQuery("SELECT count(*) FROM webhook_messages WHERE id = :id"
                            + " AND subscription_id = :subscription")
                    .bind("id", id.get()).bind("subscription", subscriptionId)
                    .mapTo(Long.class).one() > 0;
            if (!exists) {
                return Replay.NO_SUCH_MESSAGE;
            }
            boolean active = handle.createQuery("SELECT disabled_reason FROM webhook_subscriptions WHERE id = :id")
                    .bind("id", subscriptionId)
                    .map((row, context) -> row.getString(1) == null)
                    .findOne().orElse(false);
            return active ? Replay.BEING_DELIVERED : Replay.DISABLED;
        }));
    }

    @Override
    public List<Claim> claimDue(Instant now, Duration lease, int limit) {
        Instant until = now.plus(lease);
        // One transaction on PostgreSQL, whose row locks (SKIP LOCKED) last until the leases are written. SQLite has
        // one writer at a time; a read that turned into a write there would fail once another writer came between.
        return DatabaseFailures.attempt("claim due webhook messages", () -> engine == Engine.POSTGRES
                ? jdbi.inTransaction(handle -> take(handle, due(handle, now, until, limit), now))
                : jdbi.withHandle(handle -> take(handle, due(handle, now, until, limit), now)));
    }

    /** What {@link #claimDue} would claim, read without claiming it (for tests of what happens in between). */
    List<Claim> due(Instant now, Duration lease, int limit) {
        return jdbi.withHandle(handle -> due(handle, now, now.plus(lease), limit));
    }

    /** Claims what {@link #due} read, as {@link #claimDue} does. */
    List<Claim> take(List<Claim> due, Instant now) {
        return jdbi.withHandle(handle -> take(handle, due, now));
    }

    private List<Claim> due(Handle handle, Instant now, Instant until, int limit) {
        return handle.createQuery(DUE + (engine == Engine.POSTGRES ? " FOR UPDATE OF m SKIP LOCKED" : ""))
                .bind("now", time(now)).bind("limit", limit)
                .map((row, context) -> claim(row, until))
                .list();
    }

    private List<Claim> take(Handle handle, List<Claim> due, Instant now) {
        List<Claim> claimed = new ArrayList<>(due.size());
        for (Claim claim : due) {
            int won = handle.createUpdate(CLAIM)
                    .bind("lease", claim.lease()).bind("until", time(claim.leaseEnd()))
                    .bind("id", number(claim.message().id()).orElseThrow())
                    .bind("attempts", claim.message().attempts())
                    .bind("now", time(now))
                    .execute();
            if (won == 1) {
                claimed.add(claim);
            }
        }
        return claimed;
    }

    @Override
    public void release(Claim claim) {
        DatabaseFailures.attempt("give back a webhook claim", () -> jdbi.withHandle(handle -> handle
                .createUpdate("UPDATE webhook_messages SET lease = NULL, lease_until = NULL WHERE id = :id"
                        + " AND lease = :lease")
                .bind("id", number(claim.message().id()).orElseThrow()).bind("lease", claim.lease())
                .execute()));
    }

    @Override
    public int prune(Instant before, int limit) {
        return DatabaseFailures.attempt("delete old webhook messages", () -> jdbi.inTransaction(handle ->
                handle.createUpdate(PRUNE_MESSAGES).bind("before", time(before)).bind("limit", limit).execute()
                        + handle.createUpdate(PRUNE_STALLED).bind("limit", limit).execute()));
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
                    Shipment shipment = found.get(entry.getKey());
                    if (shipment == null || shipment.version() != entry.getValue()[1]) {
                        continue; // changed since it was read: judged again next time
                    }
                    int marked = handle.createUpdate(MARK_STALLED)
                            .bind("id", entry.getValue()[0]).bind("version", entry.getValue()[1])
                            .bind("before", time(stalledBefore)).execute();
                    if (marked == 1) {
                        outbox.record(handle.getConnection(), EnumSet.of(WebhookEvent.STALLED), entry.getValue()[0],
                                shipment, now);
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
                "state = 'delivered', finished_at = :finished", null, null);
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
                "state = 'failed', attempts = attempts + 1, finished_at = :finished", null, reason);
    }

    // The attempt is recorded whatever happened meanwhile (it was made); the message and its subscription change only
    // under the claim's lease, which another instance takes once it has run out.
    private void outcome(String what, Claim claim, Attempt attempt, String change, Instant next, String reason) {
        long id = number(claim.message().id()).orElseThrow();
        DatabaseFailures.attempt(what, () -> jdbi.inTransaction(handle -> {
            insertAttempt(handle, id, attempt);
            var update = handle.createUpdate("UPDATE webhook_messages SET " + change
                            + ", lease = NULL, lease_until = NULL WHERE id = :id AND lease = :lease")
                    .bind("id", id).bind("lease", claim.lease());
            // A message tried again later has a next attempt; any other has finished with this one.
            if (next != null) {
                update.bind("next", time(next));
            } else {
                update.bind("finished", time(attempt.at().plus(attempt.duration())));
            }
            if (update.execute() == 1 && reason != null) {
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
