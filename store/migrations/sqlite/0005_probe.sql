-- The readiness probe's heartbeat (store/probe.go). Same version and meaning as
-- migrations/postgres/0004_probe.sql. A probe that only reads says nothing about
-- a full disk, a file turned read-only or a database that refuses writes, so the
-- probe commits an update of this row through the writer's connection, as a
-- decision would. Not a record: it is outside the audit chain, mutable, and holds
-- only the time of the last probe and the process that wrote it.
CREATE TABLE store_probe (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    probed_at  INTEGER NOT NULL,
    probed_by  TEXT    NOT NULL
);
INSERT INTO store_probe (id, probed_at, probed_by) VALUES (1, 0, '');
