//! The SQLite backend: one file, WAL, one writer at a time. Every write that decides on what
//! it read runs in an IMMEDIATE transaction, so the read and the write see the same state.

use std::path::{Path, PathBuf};
use std::time::Duration as StdDuration;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};

mod beats;
mod checklist;
mod copy;
mod incidents;
mod metrics;
mod outbox;
mod overrides;
mod report;

/// Ordered schema steps; step N brings the schema to `user_version` N. Never edit a step that
/// has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: on-call overrides. Removal marks a row; nothing is deleted.
    "CREATE TABLE overrides (
         id          INTEGER PRIMARY KEY,
         role        TEXT    NOT NULL,
         person      TEXT    NOT NULL,
         starts_at   INTEGER NOT NULL,
         ends_at     INTEGER NOT NULL CHECK (ends_at > starts_at),
         reason      TEXT,
         created_by  TEXT    NOT NULL,
         created_at  INTEGER NOT NULL,
         removed_by  TEXT,
         removed_at  INTEGER
     );
     CREATE INDEX overrides_by_end ON overrides (ends_at) WHERE removed_at IS NULL;",
    // 2: incidents. The event table is both the timeline and the audit log: rows are only
    // ever added. The incident row holds the current state for fast listing.
    "CREATE TABLE incidents (
         id                INTEGER PRIMARY KEY,
         title             TEXT    NOT NULL,
         description       TEXT,
         severity          TEXT    NOT NULL,
         status            TEXT    NOT NULL CHECK (status IN ('open', 'acknowledged', 'closed')),
         phase             TEXT    NOT NULL,
         opened_at         INTEGER NOT NULL,
         opened_by         TEXT    NOT NULL,
         acked_at          INTEGER,
         closed_at         INTEGER,
         ack_due           INTEGER NOT NULL,
         resolve_due       INTEGER NOT NULL,
         escalation_level  INTEGER NOT NULL DEFAULT 0,
         dedup_key         TEXT,
         resolution        TEXT
     );
     CREATE UNIQUE INDEX incidents_open_dedup ON incidents (dedup_key)
         WHERE status <> 'closed' AND dedup_key IS NOT NULL;
     CREATE INDEX incidents_unclosed ON incidents (opened_at) WHERE status <> 'closed';
     CREATE INDEX incidents_by_opened ON incidents (opened_at);
     CREATE TABLE incident_events (
         id           INTEGER PRIMARY KEY,
         incident_id  INTEGER NOT NULL REFERENCES incidents (id),
         at           INTEGER NOT NULL,
         actor        TEXT    NOT NULL,
         kind         TEXT    NOT NULL,
         old_value    TEXT,
         new_value    TEXT,
         text         TEXT
     );
     CREATE INDEX incident_events_by_incident ON incident_events (incident_id, id);
     CREATE INDEX incident_events_by_kind ON incident_events (kind, at);
     CREATE TABLE incident_actions (
         id           INTEGER PRIMARY KEY,
         incident_id  INTEGER NOT NULL REFERENCES incidents (id),
         text         TEXT    NOT NULL,
         owner        TEXT    NOT NULL,
         due          TEXT    NOT NULL,
         created_at   INTEGER NOT NULL,
         created_by   TEXT    NOT NULL,
         done_at      INTEGER,
         done_by      TEXT
     );
     CREATE INDEX incident_actions_by_incident ON incident_actions (incident_id);",
    // 3: metric checks and the values they saw. `raw_state` is the state before `for:` holds a
    // breach back; the streak of raw CRITICAL samples is what `for:` measures.
    "CREATE TABLE metric_checks (
         id       INTEGER PRIMARY KEY,
         at       INTEGER NOT NULL,
         state    TEXT    NOT NULL,
         metrics  INTEGER NOT NULL
     );
     CREATE INDEX metric_checks_by_time ON metric_checks (at);
     CREATE TABLE metric_samples (
         id         INTEGER PRIMARY KEY,
         check_id   INTEGER NOT NULL REFERENCES metric_checks (id),
         metric     TEXT    NOT NULL,
         at         INTEGER NOT NULL,
         value      REAL,
         state      TEXT    NOT NULL,
         raw_state  TEXT    NOT NULL
     );
     CREATE INDEX metric_samples_by_metric ON metric_samples (metric, at);",
    // 4: the daily checklist and handover notes. A day's list is kept as it stood when first
    // used, so later edits of rotation.yaml do not rewrite the past.
    "CREATE TABLE checklist_days (
         day         TEXT    PRIMARY KEY,
         items       TEXT    NOT NULL,
         created_at  INTEGER NOT NULL
     );
     CREATE TABLE checklist_ticks (
         id     INTEGER PRIMARY KEY,
         day    TEXT    NOT NULL REFERENCES checklist_days (day),
         item   TEXT    NOT NULL,
         done   INTEGER NOT NULL,
         actor  TEXT    NOT NULL,
         at     INTEGER NOT NULL,
         note   TEXT
     );
     CREATE INDEX checklist_ticks_by_day ON checklist_ticks (day, id);
     CREATE TABLE handover_notes (
         id      INTEGER PRIMARY KEY,
         at      INTEGER NOT NULL,
         author  TEXT    NOT NULL,
         text    TEXT    NOT NULL
     );
     CREATE INDEX handover_notes_by_time ON handover_notes (at);
     CREATE INDEX metric_samples_by_time ON metric_samples (at);",
    // 5: what reports count by: closing time, and page and acknowledgement events by time.
    "CREATE INDEX incidents_by_closed ON incidents (closed_at) WHERE closed_at IS NOT NULL;
     CREATE INDEX handover_notes_by_author ON handover_notes (at, author);",
    // 6: reports and checks over a long history read samples from the index alone, and find
    // the incidents unacknowledged during a period by when they stopped being so.
    "DROP INDEX metric_samples_by_metric;
     CREATE INDEX metric_samples_covering ON metric_samples (metric, at, value, state, raw_state);
     CREATE INDEX incidents_unacked_until ON incidents (
         min(coalesce(acked_at, 9223372036854775807), coalesce(closed_at, 9223372036854775807)));",
    // 7: who was paged, read from the index alone when incidents are listed by the thousand.
    "CREATE INDEX incident_events_paged ON incident_events (incident_id, id, new_value, text)
         WHERE kind = 'paged';",
    // 8: what a review meeting decided, per period and agenda topic.
    "CREATE TABLE review_notes (
         id      INTEGER PRIMARY KEY,
         period  TEXT    NOT NULL,
         topic   TEXT    NOT NULL,
         text    TEXT    NOT NULL,
         author  TEXT    NOT NULL,
         at      INTEGER NOT NULL
     );
     CREATE INDEX review_notes_by_period ON review_notes (period, id);",
    // 9: the outbox. A message is due while queued or while its sender's claim has lapsed;
    // both are `next_at <= now`, so one partial index finds every due message.
    "CREATE TABLE outbox (
         id           INTEGER PRIMARY KEY,
         key          TEXT    NOT NULL UNIQUE,
         channel      TEXT    NOT NULL,
         topic        TEXT    NOT NULL,
         incident_id  INTEGER REFERENCES incidents (id),
         recipient    TEXT,
         payload      TEXT    NOT NULL,
         state        TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
         attempts     INTEGER NOT NULL DEFAULT 0,
         created_at   INTEGER NOT NULL,
         next_at      INTEGER NOT NULL,
         sent_at      INTEGER,
         last_error   TEXT
     );
     CREATE INDEX outbox_due ON outbox (next_at) WHERE state IN ('queued', 'sending');
     CREATE INDEX outbox_by_incident ON outbox (incident_id) WHERE incident_id IS NOT NULL;
     CREATE INDEX outbox_failed ON outbox (id) WHERE state = 'failed';",
    // 10: who holds a message being sent. Only that sender may write its outcome, so a sender
    // whose claim lapsed and was taken over cannot overwrite what the next one did.
    "ALTER TABLE outbox ADD COLUMN claim TEXT;",
    // 11: heartbeats, the last report of each job (`mindops heartbeat`, `serve`'s own work).
    "CREATE TABLE beats (
         name   TEXT    PRIMARY KEY,
         at     INTEGER NOT NULL,
         count  INTEGER NOT NULL
     );",
    // 12: the interval a check from the metrics' own sources falls in. Two cron hosts (or
    // serve replicas) checking the same metrics record one check an interval between them.
    "ALTER TABLE metric_checks ADD COLUMN slot INTEGER;
     CREATE UNIQUE INDEX metric_checks_one_per_slot ON metric_checks (slot) WHERE slot IS NOT NULL;",
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Cron and a person may hit the file at the same moment; wait rather than fail.
const BUSY_TIMEOUT: StdDuration = StdDuration::from_secs(15);

pub struct Sqlite {
    conn: Connection,
    path: PathBuf,
}

impl Sqlite {
    /// Opens the database, creating it (and its folder) when missing, and brings its schema up
    /// to date.
    pub fn open(path: &Path) -> Result<Self> {
        create_private(path)?;
        Self::connect(path)
    }

    /// Opens the database only when it exists: commands that only read need not create one.
    pub fn open_existing(path: &Path) -> Result<Option<Self>> {
        // An empty file (made by `touch`, or a copy that failed) is an empty store, as SQLite
        // reads it: a read must not write a schema into it.
        match std::fs::metadata(path) {
            Ok(meta) if meta.len() > 0 => Self::connect(path).map(Some),
            _ => Ok(None),
        }
    }

    /// A consistent copy of the whole database at `to`, made with SQLite's online backup API
    /// in one step, so it is the database as of one instant however many others write
    /// meanwhile (WAL lets them go on). Written beside `to` under a temporary name, checked
    /// with `integrity_check`, made private and then put in place whole. The pages copied.
    pub fn backup(&self, to: &Path) -> Result<u64> {
        let dir = to
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let shown = to.display();
        let temp = tempfile::Builder::new()
            .prefix(".mindops-backup-")
            .tempfile_in(dir)
            .with_context(|| {
                format!(
                    "cannot write {shown}: cannot create a file in {}",
                    dir.display()
                )
            })?;
        let mut copy =
            Connection::open(temp.path()).with_context(|| format!("cannot write {shown}"))?;
        let pages = {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
            // A writer in the middle of a checkpoint holds the file a moment: wait it out,
            // within the store's own busy timeout.
            let started = std::time::Instant::now();
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => break,
                    _ if started.elapsed() > BUSY_TIMEOUT => anyhow::bail!(
                        "cannot back up {}: the database stayed locked for {} s",
                        self.path.display(),
                        BUSY_TIMEOUT.as_secs()
                    ),
                    _ => std::thread::sleep(std::time::Duration::from_millis(20)),
                }
            }
            backup.progress().pagecount
        };
        let verdict: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            anyhow::bail!(
                "the copy written for {shown} failed SQLite's integrity check: {verdict}"
            );
        }
        copy.close().map_err(|(_, e)| e)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            temp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o600))
                .with_context(|| format!("cannot write {shown}"))?;
        }
        temp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {shown}"))?;
        temp.persist(to)
            .with_context(|| format!("cannot write {shown}"))?;
        Ok(u64::try_from(pages).unwrap_or(0))
    }

    /// A migrated database in memory: what a read sees when no file exists yet.
    pub fn empty() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        let mut store = Sqlite {
            conn,
            path: PathBuf::from(":memory:"),
        };
        store.migrate()?;
        Ok(store)
    }

    fn connect(path: &Path) -> Result<Self> {
        Self::connect_here(path).map_err(|e| explain_folder(e, path))
    }

    fn connect_here(path: &Path) -> Result<Self> {
        let shown = path.display();
        let conn =
            Connection::open(path).with_context(|| format!("cannot open database {shown}"))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read before anything writes: a newer schema, or another program's database, must be
        // left exactly as it is.
        let version = user_version(&conn)
            .with_context(|| format!("cannot read database {shown}; is it a mindops database?"))?;
        refuse_foreign(&conn, path)?;
        refuse_newer(version, path)?;
        keep_wal_files(&conn);
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            retry_busy(|| conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())))
                .with_context(|| format!("cannot set up database {shown}"))?;
        }
        // Any limit at all makes the last connection truncate the kept WAL to nothing on close,
        // so the next command has no old frames to scan when it rebuilds the WAL index.
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
             PRAGMA journal_size_limit = 4194304;",
        )?;
        let mut store = Sqlite {
            conn,
            path: path.to_path_buf(),
        };
        if version < SCHEMA_VERSION {
            store.migrate()?;
        }
        Ok(store)
    }

    /// Applies the missing steps in one IMMEDIATE transaction that re-reads the version, so two
    /// processes starting together cannot both migrate.
    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = user_version(&tx)?;
        refuse_newer(version, &path)?;
        for (step, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tx.execute_batch(sql).with_context(|| {
                format!(
                    "cannot upgrade database {} to schema {}",
                    path.display(),
                    step + 1
                )
            })?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
        Ok(())
    }
}

/// Retries a statement that SQLite refuses with BUSY without waiting: switching a new file to
/// WAL needs an exclusive lock, and when several processes hold a shared lock and all ask for
/// it, SQLite fails all but one at once instead of calling the busy handler (that would
/// deadlock). Waiting a moment and asking again lets them through one by one.
fn retry_busy<T>(mut attempt: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = std::time::Instant::now();
    let mut pause = StdDuration::from_millis(2);
    loop {
        match attempt() {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(StdDuration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// Leaves the `-wal` and `-shm` files in place (the WAL emptied) when the last connection
/// closes. Without this every command creates, sizes and maps both files and deletes them again
/// on the way out, which is most of what a quick read like `oncall` spends in the kernel.
fn keep_wal_files(conn: &Connection) {
    let mut on: std::os::raw::c_int = 1;
    // SAFETY: the handle is live for as long as `conn`, "main" is a NUL-terminated name SQLite
    // knows, and PERSIST_WAL reads and writes one int through the pointer it is given.
    unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&mut on as *mut std::os::raw::c_int).cast(),
        );
    }
}

/// Marks a SQLite file as mindops's (`PRAGMA application_id`, "mind").
const APPLICATION_ID: i32 = 0x6d69_6e64;

/// Refuses a database that is neither empty nor mindops's: a read-only command pointed at
/// another program's file by mistake must not add tables to it or switch it to WAL.
fn refuse_foreign(conn: &Connection, path: &Path) -> Result<()> {
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if id == APPLICATION_ID {
        return Ok(());
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // A file just created, or one a mindops from before the mark wrote: its tables say whose
    // it is. (Not its schema version: another process may be migrating the new file right
    // now, and the version read a moment ago can predate the tables read here.)
    let has = |name: &str| tables.iter().any(|t| t == name);
    let ours = id == 0
        && (tables.is_empty() || has("incidents") && has("incident_events") && has("overrides"));
    if ours {
        return Ok(());
    }
    let what = if id != 0 {
        format!("application_id {id:#x}")
    } else {
        format!("tables {}", tables.join(", "))
    };
    anyhow::bail!(
        "{} is a SQLite database of another program ({what}); mindops leaves it untouched. \
         Pass --db with a file of mindops's own",
        path.display()
    )
}

/// SQLite keeps its -wal and -shm files beside the database: in a folder that cannot be
/// written even a read fails, with a message that says only "unable to open".
fn explain_folder(error: anyhow::Error, path: &Path) -> anyhow::Error {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    #[cfg(unix)]
    if rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_err() {
        return error.context(format!(
            "the folder {} cannot be written, and SQLite needs to keep {}-wal and -shm beside \
             the database; make the folder writable, or move the database (--db)",
            dir.display(),
            path.file_name().unwrap_or_default().to_string_lossy()
        ));
    }
    error
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

fn refuse_newer(version: i64, path: &Path) -> Result<()> {
    if version > SCHEMA_VERSION {
        anyhow::bail!(
            "database {} was written by a newer mindops (schema {version}; this one knows up to \
             {SCHEMA_VERSION}); it was left untouched. Upgrade mindops, or pass --db with another file",
            path.display()
        );
    }
    Ok(())
}

/// A stored time. One out of chrono's range means the row was not written by mindops, and is
/// reported as such rather than read as 1970.
fn instant(seconds: i64) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Integer,
            format!("{seconds} is not a time mindops can have stored").into(),
        )
    })
}

/// A row mindops cannot read, named so that a person can find it.
fn bad_row(table: &str, id: i64, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("{table} row {id}: {what}").into(),
    )
}

/// Creates the database file readable by its owner only (it names people and their phones),
/// and its folder when missing.
fn create_private(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    // A link to a file not there yet: create what it points at, privately, rather than let
    // SQLite create it with the default mode.
    if let Ok(target) = std::fs::read_link(path) {
        let target = match path.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
        if target != path && std::fs::symlink_metadata(&target).is_err() {
            return create_private(&target);
        }
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(parent).with_context(|| {
            format!("cannot create folder {} for the database", parent.display())
        })?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot create database {}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_store_is_at_the_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/mindops.db");
        let store = Sqlite::open(&path).unwrap();
        assert_eq!(user_version(&store.conn).unwrap(), SCHEMA_VERSION);
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let perms = std::fs::metadata(&path).unwrap().permissions();
            assert_eq!(perms.mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn reopening_does_not_migrate_twice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mindops.db");
        drop(Sqlite::open(&path).unwrap());
        let store = Sqlite::open(&path).unwrap();
        assert_eq!(user_version(&store.conn).unwrap(), SCHEMA_VERSION);
    }
}
