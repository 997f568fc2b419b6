//! The SQLite backend: one file, WAL, one writer at a time. Every write that decides on what
//! it read runs in an IMMEDIATE transaction, so the read and the write see the same state.

use std::path::{Path, PathBuf};
use std::time::Duration as StdDuration;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};

use crate::store::rows::Columns;

mod beats;
mod checklist;
mod copy;
mod incidents;
mod metrics;
mod outbox;
mod overrides;
mod report;
mod tx;

/// Ordered schema steps, one file each under `migrations/`; step N brings the schema to
/// `user_version` N. Never edit a step that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/01_overrides.sql"),
    include_str!("migrations/02_incidents.sql"),
    include_str!("migrations/03_metrics.sql"),
    include_str!("migrations/04_checklist_handovers.sql"),
    include_str!("migrations/05_report_indexes.sql"),
    include_str!("migrations/06_covering_indexes.sql"),
    include_str!("migrations/07_paged_index.sql"),
    include_str!("migrations/08_review_notes.sql"),
    include_str!("migrations/09_outbox.sql"),
    include_str!("migrations/10_outbox_claim.sql"),
    include_str!("migrations/11_beats.sql"),
    include_str!("migrations/12_metric_check_slot.sql"),
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

impl Columns for rusqlite::Row<'_> {
    fn int(&self, i: usize) -> Result<Option<i64>> {
        Ok(self.get(i)?)
    }
    fn real(&self, i: usize) -> Result<Option<f64>> {
        Ok(self.get(i)?)
    }
    fn text(&self, i: usize) -> Result<Option<String>> {
        Ok(self.get(i)?)
    }
    fn flag(&self, i: usize) -> Result<bool> {
        Ok(self.get(i)?)
    }
}

/// Every row of a query, each read by `read` (the statement kept in the connection's cache).
fn all<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    read: fn(&dyn Columns) -> Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(read(row)?);
    }
    Ok(out)
}

/// The first row of a query, if any, read by `read`.
fn first<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    read: fn(&dyn Columns) -> Result<T>,
) -> Result<Option<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    rows.next()?.map(|row| read(row)).transpose()
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
