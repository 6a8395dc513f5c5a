-- What Orleans' ADO.NET reminder service needs, written for this product (see 0001 for how the providers read
-- OrleansQuery). A reminder outlives the silo that registered it: a grain left with undelivered messages or an
-- account not yet created when its silo died is woken by one.
--
-- Each silo reads the reminders of its own slice of the hash ring: @BeginHash exclusive, @EndHash inclusive, the
-- slice wrapping around when @BeginHash >= @EndHash (ReadRangeRows2Key). The provider passes the ring's unsigned
-- 32-bit hashes cast to signed integers and picks the query by comparing them signed, so they are stored and
-- compared signed too: the cast keeps the ring's circular order. A row's version grows by one on every update; a
-- delete names the version it read, so that a reminder updated meanwhile is not removed.
CREATE TABLE reminders
(
  service_id    text NOT NULL,
  grain_id      text NOT NULL,
  reminder_name text NOT NULL,
  start_time    timestamptz NOT NULL,
  period_ms     bigint NOT NULL,
  grain_hash    integer NOT NULL,
  version       integer NOT NULL,
  PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX reminders_by_hash ON reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', $q$
  INSERT INTO reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
  VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, CAST(@Period AS bigint), @GrainHash, 0)
  ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
  SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
      version = reminders.version + 1
  RETURNING version AS Version
$q$),

('ReadReminderRowsKey', $q$
  SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period,
         version AS Version
  FROM reminders
  WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
  SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period,
         version AS Version
  FROM reminders
  WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

('ReadRangeRows1Key', $q$
  SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period,
         version AS Version
  FROM reminders
  WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

('ReadRangeRows2Key', $q$
  SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period,
         version AS Version
  FROM reminders
  WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

('DeleteReminderRowKey', $q$
  WITH deleted AS (
    DELETE FROM reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1)
  SELECT count(*)::integer FROM deleted
$q$),

('DeleteReminderRowsKey', $q$
  DELETE FROM reminders WHERE service_id = @ServiceId
$q$);
