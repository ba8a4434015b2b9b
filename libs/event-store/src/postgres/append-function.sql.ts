/**
 * The append, as one server-side function so a write is one round trip. It locks the stream row
 * (created on first use, so racing creators queue on it), answers a replay of the same event ids
 * with the original result, checks the expectation and inserts. A wrong expectation raises SQLSTATE
 * ESWEV with the actual revision (-1: no stream) as DETAIL.
 *
 * It does not NOTIFY: a transaction that notifies takes one database-wide lock at commit and holds
 * it through its WAL flush, so every append queued behind every other and group commit never
 * happened (16 writers: about one commit per WAL flush, all waiting on `Lock:object`). The adapter wakes
 * subscribers after the commit instead (see appended-notifier.ts).
 */
export const WRONG_EXPECTED_VERSION_SQLSTATE = 'ESWEV';
export const APPENDED_CHANNEL = 'es_appended';

export const EXPECTATION_FUNCTION = `
CREATE FUNCTION es_expectation_met(p_expected text, p_revision bigint) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_expected
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN p_revision = -1
    WHEN 'stream_exists' THEN p_revision >= 0
    ELSE p_revision = p_expected::bigint
  END
$$`;

export const APPEND_FUNCTION = `
CREATE OR REPLACE FUNCTION es_append(
  p_stream text, p_category text, p_expected text,
  p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
) RETURNS TABLE (next_revision bigint, commit_position text, prepare_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_current bigint;
  v_count   integer := cardinality(p_ids);
  v_found   integer;
  v_first   bigint;
  v_last    bigint;
  v_ordered boolean;
BEGIN
  INSERT INTO es_streams (stream_id, category, revision) VALUES (p_stream, p_category, -1)
    ON CONFLICT (stream_id) DO NOTHING;
  SELECT s.revision INTO v_current FROM es_streams s WHERE s.stream_id = p_stream FOR UPDATE;

  SELECT count(*), min(e.stream_revision), max(e.stream_revision) INTO v_found, v_first, v_last
    FROM es_events e WHERE e.stream_id = p_stream AND e.event_id = ANY (p_ids);

  IF v_found > 0 THEN
    -- A replay: the same events, in the same order, written from the same expectation.
    SELECT bool_and(e.event_id = p_ids[(e.stream_revision - v_first + 1)::int]) INTO v_ordered
      FROM es_events e WHERE e.stream_id = p_stream AND e.stream_revision BETWEEN v_first AND v_last;
    IF v_found = v_count AND v_last - v_first + 1 = v_count AND v_ordered
       AND es_expectation_met(p_expected, v_first - 1) THEN
      RETURN QUERY SELECT v_last, e.transaction_id::text, e.global_position
        FROM es_events e WHERE e.stream_id = p_stream AND e.stream_revision = v_last;
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = '${WRONG_EXPECTED_VERSION_SQLSTATE}',
      MESSAGE = 'some of these event ids are already in ' || p_stream, DETAIL = v_current::text;
  END IF;

  IF NOT es_expectation_met(p_expected, v_current) THEN
    RAISE EXCEPTION USING ERRCODE = '${WRONG_EXPECTED_VERSION_SQLSTATE}',
      MESSAGE = 'wrong expected revision for ' || p_stream, DETAIL = v_current::text;
  END IF;

  INSERT INTO es_events (stream_id, category, stream_revision, event_id, type, data, metadata)
  SELECT p_stream, p_category, v_current + t.ord, t.id, t.type, t.data, t.meta
    FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS t(id, type, data, meta, ord)
   ORDER BY t.ord;
  UPDATE es_streams SET revision = v_current + v_count WHERE stream_id = p_stream;
  RETURN QUERY SELECT v_current + v_count, pg_current_xact_id()::text, currval('es_global_position');
END
$$`;

/**
 * The append's logic, answering a conflict as a row (conflict_message set, conflict_revision the
 * stream's revision, -1: no stream) instead of raising it, so one statement can carry many appends
 * and one caller's conflict does not undo the others' (es_append_batch). es_append raises from it.
 */
export const TRY_APPEND_FUNCTION = `
CREATE OR REPLACE FUNCTION es_try_append(
  p_stream text, p_category text, p_expected text,
  p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[],
  OUT next_revision bigint, OUT commit_position text, OUT prepare_position bigint,
  OUT conflict_revision bigint, OUT conflict_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_current bigint;
  v_count   integer := cardinality(p_ids);
  v_found   integer;
  v_first   bigint;
  v_last    bigint;
  v_ordered boolean;
BEGIN
  -- The stream row is locked, created first when missing (racing creators queue on the insert).
  SELECT s.revision INTO v_current FROM es_streams s WHERE s.stream_id = p_stream FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO es_streams (stream_id, category, revision) VALUES (p_stream, p_category, -1)
      ON CONFLICT (stream_id) DO NOTHING;
    SELECT s.revision INTO v_current FROM es_streams s WHERE s.stream_id = p_stream FOR UPDATE;
  END IF;

  -- One event (every server action's append) takes the plain statements: half the cost of the
  -- array forms below, which were most of an append's server time.
  IF v_count = 1 THEN
    SELECT e.stream_revision INTO v_first FROM es_events e WHERE e.stream_id = p_stream AND e.event_id = p_ids[1];
    v_found := CASE WHEN v_first IS NULL THEN 0 ELSE 1 END;
    v_last := v_first;
  ELSE
    SELECT count(*), min(e.stream_revision), max(e.stream_revision) INTO v_found, v_first, v_last
      FROM es_events e WHERE e.stream_id = p_stream AND e.event_id = ANY (p_ids);
  END IF;

  IF v_found > 0 THEN
    -- A replay: the same events, in the same order, written from the same expectation.
    SELECT bool_and(e.event_id = p_ids[(e.stream_revision - v_first + 1)::int]) INTO v_ordered
      FROM es_events e WHERE e.stream_id = p_stream AND e.stream_revision BETWEEN v_first AND v_last;
    IF v_found = v_count AND v_last - v_first + 1 = v_count AND v_ordered
       AND es_expectation_met(p_expected, v_first - 1) THEN
      SELECT v_last, e.transaction_id::text, e.global_position INTO next_revision, commit_position, prepare_position
        FROM es_events e WHERE e.stream_id = p_stream AND e.stream_revision = v_last;
      RETURN;
    END IF;
    conflict_revision := v_current;
    conflict_message := 'some of these event ids are already in ' || p_stream;
    RETURN;
  END IF;

  IF p_expected <> 'any' AND NOT es_expectation_met(p_expected, v_current) THEN
    conflict_revision := v_current;
    conflict_message := 'wrong expected revision for ' || p_stream;
    RETURN;
  END IF;

  IF v_count = 1 THEN
    INSERT INTO es_events (stream_id, category, stream_revision, event_id, type, data, metadata)
      VALUES (p_stream, p_category, v_current + 1, p_ids[1], p_types[1], p_data[1], p_metadata[1]);
  ELSE
    INSERT INTO es_events (stream_id, category, stream_revision, event_id, type, data, metadata)
    SELECT p_stream, p_category, v_current + t.ord, t.id, t.type, t.data, t.meta
      FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS t(id, type, data, meta, ord)
     ORDER BY t.ord;
  END IF;
  UPDATE es_streams SET revision = v_current + v_count WHERE stream_id = p_stream;
  next_revision := v_current + v_count;
  commit_position := pg_current_xact_id()::text;
  prepare_position := currval('es_global_position');
END
$$`;

/** es_append on es_try_append: the same answers, a conflict raised as ESWEV with the revision as DETAIL. */
export const APPEND_ON_TRY_FUNCTION = `
CREATE OR REPLACE FUNCTION es_append(
  p_stream text, p_category text, p_expected text,
  p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
) RETURNS TABLE (next_revision bigint, commit_position text, prepare_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_result record;
BEGIN
  SELECT * INTO v_result FROM es_try_append(p_stream, p_category, p_expected, p_ids, p_types, p_data, p_metadata);
  IF v_result.conflict_message IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '${WRONG_EXPECTED_VERSION_SQLSTATE}',
      MESSAGE = v_result.conflict_message, DETAIL = v_result.conflict_revision::text;
  END IF;
  RETURN QUERY SELECT v_result.next_revision, v_result.commit_position, v_result.prepare_position;
END
$$`;

/**
 * Many appends in one transaction (group commit; see append-batcher.ts), one answer row each, in
 * order. Append i writes p_counts[i] events, taken in order from the flattened event arrays. The
 * caller orders the appends by stream, so concurrent batches lock streams in one order and never
 * deadlock.
 */
export const APPEND_BATCH_FUNCTION = `
CREATE OR REPLACE FUNCTION es_append_batch(
  p_streams text[], p_categories text[], p_expected text[], p_counts integer[],
  p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
) RETURNS TABLE (
  next_revision bigint, commit_position text, prepare_position bigint, conflict_revision bigint, conflict_message text
)
LANGUAGE plpgsql AS $$
DECLARE
  v_from integer := 1;
  v_to   integer;
BEGIN
  FOR i IN 1 .. cardinality(p_streams) LOOP
    v_to := v_from + p_counts[i] - 1;
    RETURN QUERY SELECT * FROM es_try_append(p_streams[i], p_categories[i], p_expected[i],
      p_ids[v_from:v_to], p_types[v_from:v_to], p_data[v_from:v_to], p_metadata[v_from:v_to]);
    v_from := v_to + 1;
  END LOOP;
END
$$`;
