-- The code never updates or deletes a decision; these triggers make the database
-- refuse it too, so a stray statement from a shell or a future bug cannot rewrite
-- the record (decisions are append-only; docs/architecture.md). Same version and meaning
-- as migrations/sqlite/0002_decisions_append_only.sql.
--
-- Statement-level triggers fire even when no row matches, so an UPDATE or DELETE
-- fails whatever its WHERE clause says; PostgreSQL also has TRUNCATE, which
-- row triggers would not see. A table owner or superuser can still disable the
-- triggers: the audit chain (docs/architecture.md) is what proves the record unaltered.
CREATE FUNCTION decisions_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'decisions are append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER decisions_no_update_delete
    BEFORE UPDATE OR DELETE ON decisions
    FOR EACH STATEMENT EXECUTE FUNCTION decisions_refuse_change();

CREATE TRIGGER decisions_no_truncate
    BEFORE TRUNCATE ON decisions
    FOR EACH STATEMENT EXECUTE FUNCTION decisions_refuse_change();
