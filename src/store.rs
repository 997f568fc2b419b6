//! The one place that knows SQL. Everything mindops keeps lives in one SQLite file; a shared
//! PostgreSQL backend can later stand behind the same methods.
//!
//! Times are stored as whole seconds since the Unix epoch (UTC): compact, indexable, and the
//! same in every backend.

use std::path::{Path, PathBuf};
use std::time::Duration as StdDuration;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use crate::rotation::Override;

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
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Cron and a person may hit the file at the same moment; wait rather than fail.
const BUSY_TIMEOUT: StdDuration = StdDuration::from_secs(15);

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// An override about to be stored.
pub struct NewOverride<'a> {
    pub role: &'a str,
    pub person: &'a str,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub reason: Option<&'a str>,
    pub by: &'a str,
    pub at: DateTime<Utc>,
}

impl Store {
    /// Opens the database, creating it (and its folder) when missing, and brings its schema up
    /// to date.
    pub fn open(path: &Path) -> Result<Self> {
        create_private(path)?;
        Self::connect(path)
    }

    /// Opens the database only when it exists: commands that only read need not create one.
    pub fn open_existing(path: &Path) -> Result<Option<Self>> {
        if path.exists() {
            Self::connect(path).map(Some)
        } else {
            Ok(None)
        }
    }

    fn connect(path: &Path) -> Result<Self> {
        let shown = path.display();
        let conn =
            Connection::open(path).with_context(|| format!("cannot open database {shown}"))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read before anything writes: a newer schema must be left exactly as it is.
        let version = user_version(&conn)
            .with_context(|| format!("cannot read database {shown}; is it a mindops database?"))?;
        refuse_newer(version, path)?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .with_context(|| format!("cannot set up database {shown}"))?;
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        let mut store = Store {
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
        tx.commit()?;
        Ok(())
    }

    /// Overrides not removed that overlap `[from, to)`.
    pub fn overrides_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Override>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM overrides
              WHERE removed_at IS NULL AND ends_at > ?1 AND starts_at < ?2
              ORDER BY starts_at, id",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], override_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Overrides still to end after `now`, or every one ever made with `all`.
    pub fn overrides(&self, all: bool, now: DateTime<Utc>) -> Result<Vec<Override>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM overrides
              WHERE ?1 OR (removed_at IS NULL AND ends_at > ?2)
              ORDER BY starts_at, id",
        )?;
        let rows = stmt.query_map(params![all, now.timestamp()], override_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores an override when `accept` agrees, given the overrides that overlap it; both in
    /// one write transaction, so two people adding at once cannot both pass the check.
    pub fn add_override(
        &mut self,
        new: &NewOverride,
        accept: impl FnOnce(&[Override]) -> Result<()>,
    ) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let overlapping = {
            let mut stmt = tx.prepare_cached(
                "SELECT * FROM overrides
                  WHERE removed_at IS NULL AND ends_at > ?1 AND starts_at < ?2",
            )?;
            let rows = stmt.query_map(
                params![new.from.timestamp(), new.to.timestamp()],
                override_row,
            )?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        accept(&overlapping)?;
        tx.execute(
            "INSERT INTO overrides (role, person, starts_at, ends_at, reason, created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                new.role,
                new.person,
                new.from.timestamp(),
                new.to.timestamp(),
                new.reason,
                new.by,
                new.at.timestamp()
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    pub fn override_by_id(&self, id: i64) -> Result<Option<Override>> {
        Ok(self
            .conn
            .query_row("SELECT * FROM overrides WHERE id = ?1", [id], override_row)
            .optional()?)
    }

    /// Marks an override removed; false when there is no such override still in place.
    pub fn remove_override(&mut self, id: i64, by: &str, at: DateTime<Utc>) -> Result<bool> {
        let changed = self.conn.execute(
            "UPDATE overrides SET removed_by = ?2, removed_at = ?3
              WHERE id = ?1 AND removed_at IS NULL",
            params![id, by, at.timestamp()],
        )?;
        Ok(changed == 1)
    }
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

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn override_row(row: &Row) -> rusqlite::Result<Override> {
    Ok(Override {
        id: row.get("id")?,
        role: row.get("role")?,
        person: row.get("person")?,
        from: instant(row.get("starts_at")?),
        to: instant(row.get("ends_at")?),
        reason: row.get("reason")?,
        created_by: row.get("created_by")?,
        created_at: instant(row.get("created_at")?),
        removed_by: row.get("removed_by")?,
        removed_at: row.get::<_, Option<i64>>("removed_at")?.map(instant),
    })
}

/// Creates the database file readable by its owner only (it names people and their phones),
/// and its folder when missing.
fn create_private(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
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
        let store = Store::open(&path).unwrap();
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
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        assert_eq!(user_version(&store.conn).unwrap(), SCHEMA_VERSION);
    }
}
