-- What Orleans' ADO.NET clustering and grain storage providers need, written for this product.
--
-- The providers read their SQL from the OrleansQuery table (one row per query key) and run it with named
-- parameters (@DeploymentId, @GrainIdN1, ...). They read result columns by name, case-insensitively, so the
-- queries below alias our snake_case columns to the names the providers expect.

CREATE TABLE OrleansQuery
(
  QueryKey  text PRIMARY KEY,
  QueryText text NOT NULL
);

-- ---------------------------------------------------------------------------------------------------------
-- Cluster membership. One version row per cluster: every change of a member row bumps it, and a writer
-- holding an older version loses (optimistic concurrency of the membership protocol).
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE cluster_versions
(
  cluster_id text PRIMARY KEY,
  version    integer NOT NULL DEFAULT 0,
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cluster_members
(
  cluster_id      text NOT NULL REFERENCES cluster_versions (cluster_id) ON DELETE CASCADE,
  address         text NOT NULL,
  port            integer NOT NULL,
  generation      integer NOT NULL,
  silo_name       text NOT NULL,
  host_name       text NOT NULL,
  status          integer NOT NULL,   -- Orleans SiloStatus: 3 = Active, 6 = Dead
  proxy_port      integer NOT NULL,   -- the gateway port clients connect to; 0 when none
  suspect_times   text NULL,
  start_time      timestamptz NOT NULL,
  i_am_alive_time timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
  WITH inserted AS (
    INSERT INTO cluster_versions (cluster_id) VALUES (@DeploymentId)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING 1)
  SELECT count(*)::integer FROM inserted
$q$),

-- Adds a member only if the table version is still the one the caller read; the version row is locked so
-- that concurrent writers queue, and both changes happen in one statement (all or nothing).
('InsertMembershipKey', $q$
  WITH expected AS (
    SELECT cluster_id FROM cluster_versions
    WHERE cluster_id = @DeploymentId AND version = @Version
    FOR UPDATE),
  inserted AS (
    INSERT INTO cluster_members (cluster_id, address, port, generation, silo_name, host_name, status,
                                 proxy_port, start_time, i_am_alive_time)
    SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, @StartTime, @IAmAliveTime
    FROM expected
    ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
    RETURNING cluster_id),
  bumped AS (
    UPDATE cluster_versions SET version = version + 1, changed_at = now()
    WHERE cluster_id = (SELECT cluster_id FROM inserted)
    RETURNING 1)
  SELECT count(*)::integer FROM bumped
$q$),

('UpdateMembershipKey', $q$
  WITH expected AS (
    SELECT cluster_id FROM cluster_versions
    WHERE cluster_id = @DeploymentId AND version = @Version
    FOR UPDATE),
  updated AS (
    UPDATE cluster_members AS m
    SET status = @Status,
        suspect_times = CAST(@SuspectTimes AS text),
        i_am_alive_time = GREATEST(m.i_am_alive_time, @IAmAliveTime)
    FROM expected
    WHERE m.cluster_id = expected.cluster_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.cluster_id),
  bumped AS (
    UPDATE cluster_versions SET version = version + 1, changed_at = now()
    WHERE cluster_id = (SELECT cluster_id FROM updated)
    RETURNING 1)
  SELECT count(*)::integer FROM bumped
$q$),

-- Heartbeats do not change the table version; a late heartbeat never moves the time backwards.
('UpdateIAmAlivetimeKey', $q$
  UPDATE cluster_members
  SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
  WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- The version row is returned even when the member row is missing (then the member columns are null).
('MembershipReadRowKey', $q$
  SELECT v.cluster_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
         m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
         m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
         v.version AS Version
  FROM cluster_versions v
  LEFT JOIN cluster_members m
    ON m.cluster_id = v.cluster_id
   AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
  WHERE v.cluster_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
  SELECT v.cluster_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
         m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
         m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
         v.version AS Version
  FROM cluster_versions v
  LEFT JOIN cluster_members m ON m.cluster_id = v.cluster_id
  WHERE v.cluster_id = @DeploymentId
$q$),

-- Members go with their version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
  DELETE FROM cluster_versions WHERE cluster_id = @DeploymentId
$q$),

('GatewaysQueryKey', $q$
  SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
  FROM cluster_members
  WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- Dead members that stopped long ago are removed; live or suspected ones never are.
('CleanupDefunctSiloEntriesKey', $q$
  DELETE FROM cluster_members
  WHERE cluster_id = @DeploymentId AND status = 6
    AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
    AND coalesce(suspect_times, '') = ''
$q$),

-- Removes one dead member, only if it is still exactly as the caller saw it.
('CleanupDefunctSiloEntryKey', $q$
  DELETE FROM cluster_members
  WHERE cluster_id = @DeploymentId AND status = 6
    AND address = @Address AND port = @Port AND generation = @Generation
    AND i_am_alive_time = @IAmAliveTime AND start_time = @StartTime
    AND coalesce(suspect_times, '') = coalesce(CAST(@SuspectTimes AS text), '')
$q$);

-- ---------------------------------------------------------------------------------------------------------
-- Grain state. Orleans identifies a row by service, state name (it passes the state name as
-- @GrainTypeString, so every grain type must use its own state name) and grain id. A string key made only of
-- hex digits arrives as a number in @GrainIdN1 with no @GrainIdExtensionString: member numbers are always ten
-- digits, so two different member numbers are two different numbers. Other string keys arrive in
-- @GrainIdExtensionString. The primary key makes a second row for one grain impossible.
--
-- The payload is the System.Text.Json text of the state, kept as text so that it can be read with psql.
-- Versions: the row starts at 1 and every write or clear adds 1; a writer whose version is not the stored one
-- changes nothing and gets its own version back, which Orleans turns into an InconsistentStateException.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE grain_state
(
  service_id   text NOT NULL,
  state_name   text NOT NULL,
  grain_id_n0  bigint NOT NULL,
  grain_id_n1  bigint NOT NULL,
  grain_key    text NOT NULL,       -- the string part of the grain id; '' when the id is only numbers
  payload_json text NULL,           -- null after the state was cleared
  version      integer NOT NULL,
  modified_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_key)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
  SELECT convert_to(payload_json, 'UTF8') AS PayloadBinary, version AS Version
  FROM grain_state
  WHERE service_id = @ServiceId AND state_name = @GrainTypeString
    AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
    AND grain_key = coalesce(CAST(@GrainIdExtensionString AS text), '')
$q$),

-- First write (no version yet): insert, or nothing when another activation inserted first.
-- Later writes: update only the version the writer read.
('WriteToStorageKey', $q$
  WITH inserted AS (
    INSERT INTO grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_key, payload_json, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
           coalesce(CAST(@GrainIdExtensionString AS text), ''), convert_from(@PayloadBinary, 'UTF8'), 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT (service_id, state_name, grain_id_n0, grain_id_n1, grain_key) DO NOTHING
    RETURNING version),
  updated AS (
    UPDATE grain_state
    SET payload_json = convert_from(@PayloadBinary, 'UTF8'), version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_key = coalesce(CAST(@GrainIdExtensionString AS text), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version)
  SELECT coalesce((SELECT version FROM inserted), (SELECT version FROM updated),
                  CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion
$q$),

('ClearStorageKey', $q$
  WITH cleared AS (
    UPDATE grain_state
    SET payload_json = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_key = coalesce(CAST(@GrainIdExtensionString AS text), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version)
  SELECT coalesce((SELECT version FROM cleared), CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion
$q$);
