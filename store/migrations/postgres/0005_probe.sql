-- The readiness probe's heartbeat (store/probe.go). Same version and meaning as
-- migrations/sqlite/0004_probe.sql. A probe that only reads says nothing about a
-- primary that refuses writes (a failed-over standby, a full disk, a read-only
-- transaction default), so the probe commits an update of this row through the
-- writer's connection, as a decision would. Not a record: it is outside the
-- audit chain, mutable, and holds only the time of the last probe and the
-- process that wrote it. Replicas take turns on the one row for microseconds.
CREATE TABLE store_probe (
    id         integer NOT NULL PRIMARY KEY CHECK (id = 1),
    probed_at  bigint  NOT NULL,
    probed_by  text    NOT NULL
);
INSERT INTO store_probe (id, probed_at, probed_by) VALUES (1, 0, '');
