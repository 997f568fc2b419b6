//! The PostgreSQL backend: one store for a whole team. Same tables and meanings as SQLite,
//! in the schema `mindops`; times as bigint epoch seconds, text ordered byte-wise
//! (`COLLATE "C"`) so every listing sorts as it does on SQLite.
//!
//! Concurrency is PostgreSQL's own, READ COMMITTED, so every write that decides on what it read
//! takes a lock first: the incident rows it changes (`FOR UPDATE`), or a transaction-scoped
//! advisory lock for decisions about rows that do not exist yet (a dedup key, a day's
//! checklist, the override calendar).

use std::cell::RefCell;

use anyhow::{Context, Result};
use postgres::types::{ToSql, Type};
use postgres::{Client, GenericClient, Row, Transaction};

use crate::store::rows::Columns;
pub(super) use crate::store::rows::{instant, instant_opt};

mod beats;
mod checklist;
pub mod connect;
mod copy;
mod incidents;
mod metrics;
mod outbox;
mod overrides;
mod report;
mod tx;

pub use connect::Target;

/// Ordered schema steps, one file each under `migrations/`; step N brings the schema to
/// version N. Never edit a step that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/01_tables.sql"),
    include_str!("migrations/02_outbox.sql"),
    include_str!("migrations/03_outbox_claim.sql"),
    include_str!("migrations/04_beats.sql"),
    include_str!("migrations/05_metric_check_slot.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Advisory lock keys (first half of the pair: "mind"), one per kind of decision.
const LOCK_SPACE: i32 = 0x6d69_6e64;
pub(super) const LOCK_MIGRATE: i32 = 1;
pub(super) const LOCK_DEDUP: i32 = 2;
pub(super) const LOCK_OVERRIDES: i32 = 3;
pub(super) const LOCK_CHECKLIST_DAY: i32 = 4;

pub struct Postgres {
    inner: RefCell<Inner>,
    target: Target,
    /// The schema version found on opening (after any migration).
    version: i64,
}

struct Inner {
    client: Client,
}

/// What a database holds as far as mindops is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// No schema `mindops`: nothing recorded yet.
    Nothing,
    /// mindops's schema at this version.
    Version(i64),
}

impl Postgres {
    /// Connects and brings the schema up to date: for commands that write.
    pub fn open(target: Target) -> Result<Self> {
        let mut db = Self::connect(target)?;
        match db.found()? {
            Found::Version(v) if v == SCHEMA_VERSION => {}
            found => {
                db.refuse_newer(found)?;
                db.migrate()?;
            }
        }
        db.version = SCHEMA_VERSION;
        Ok(db)
    }

    /// Connects when the database holds mindops's schema; `None` when it holds nothing of
    /// mindops's yet, so that a command that only reads creates nothing.
    pub fn open_existing(target: Target) -> Result<Option<Self>> {
        let mut db = Self::connect(target)?;
        match db.found()? {
            Found::Nothing => Ok(None),
            Found::Version(version) => {
                db.refuse_newer(Found::Version(version))?;
                db.version = version;
                Ok(Some(db))
            }
        }
    }

    pub fn version(&self) -> i64 {
        self.version
    }

    fn connect(target: Target) -> Result<Self> {
        let client = target.connect()?;
        Ok(Postgres {
            inner: RefCell::new(Inner { client }),
            target,
            version: 0,
        })
    }

    /// Whether the schema is there, and at which version. A schema `mindops` without the
    /// migration table is someone else's, and refused.
    fn found(&self) -> Result<Found> {
        self.read(|s| {
            let row = s.one(
                "SELECT to_regnamespace('mindops') IS NOT NULL,
                        to_regclass('mindops.schema_migrations') IS NOT NULL",
                &[],
            )?;
            let (schema, table): (bool, bool) = (row.get(0), row.get(1));
            if !schema {
                return Ok(Found::Nothing);
            }
            if !table {
                anyhow::bail!(
                    "{} has a schema \"mindops\" that mindops did not make (no \
                     schema_migrations table); it was left untouched",
                    self.target.shown()
                );
            }
            let version: Option<i64> = s
                .one("SELECT max(version)::bigint FROM schema_migrations", &[])?
                .get(0);
            Ok(Found::Version(version.unwrap_or(0)))
        })
    }

    fn refuse_newer(&self, found: Found) -> Result<()> {
        if let Found::Version(version) = found {
            if version > SCHEMA_VERSION {
                anyhow::bail!(
                    "{} was written by a newer mindops (schema {version}; this one knows up to \
                     {SCHEMA_VERSION}); it was left untouched. Upgrade mindops, or pass --db \
                     with another database",
                    self.target.shown()
                );
            }
        }
        Ok(())
    }

    /// Applies the missing steps in one transaction under an advisory lock, re-reading the
    /// version once it holds it: two hosts starting together cannot both migrate, and the
    /// second sees the first one's work.
    fn migrate(&mut self) -> Result<()> {
        let shown = self.target.shown();
        self.write(|s| {
            s.lock(LOCK_MIGRATE, 0)?;
            s.c.batch_execute(
                "CREATE SCHEMA IF NOT EXISTS mindops;
                 CREATE TABLE IF NOT EXISTS mindops.schema_migrations (
                     version     bigint PRIMARY KEY,
                     applied_at  bigint NOT NULL
                 );",
            )
            .with_context(|| format!("cannot create the schema \"mindops\" in {shown}"))?;
            let version: i64 = s
                .one(
                    "SELECT coalesce(max(version), 0)::bigint FROM schema_migrations",
                    &[],
                )?
                .get(0);
            if version > SCHEMA_VERSION {
                anyhow::bail!(
                    "{shown} was written by a newer mindops (schema {version}; this one knows \
                     up to {SCHEMA_VERSION}); it was left untouched. Upgrade mindops"
                );
            }
            for (step, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
                s.c.batch_execute(sql)
                    .with_context(|| format!("cannot upgrade {shown} to schema {}", step + 1))?;
                s.exec(
                    "INSERT INTO schema_migrations (version, applied_at)
                     VALUES ($1, extract(epoch FROM now())::bigint)",
                    &[&(step as i64 + 1)],
                )?;
            }
            Ok(())
        })
    }

    /// Runs `f` on the connection outside any transaction (each statement its own).
    fn read<T>(&self, f: impl FnOnce(&mut Session<'_, Client>) -> Result<T>) -> Result<T> {
        let mut inner = self.inner.borrow_mut();
        f(&mut Session {
            c: &mut inner.client,
        })
    }

    /// Runs `f` in one transaction, committed when it returns Ok, rolled back otherwise.
    /// A connection lost before the transaction began (a server restarted, a primary failed
    /// over to its standby) is made again, once: nothing was sent that could have been saved.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&mut Session<'_, Transaction<'_>>) -> Result<T>,
    ) -> Result<T> {
        let target = &self.target;
        let inner = self.inner.get_mut();
        if inner.client.is_closed() {
            inner.client = target.connect()?;
        }
        match inner.client.transaction() {
            Ok(tx) => return commit(tx, f, target),
            Err(e) if e.as_db_error().is_some() => return Err(e.into()),
            Err(_) => {}
        }
        inner.client = target.connect()?;
        commit(inner.client.transaction()?, f, target)
    }
}

/// Runs `f` in `tx` and commits it. An error from the server itself (a constraint, a
/// serialization failure) means the transaction did not commit; a connection lost on the way
/// does not say either way.
fn commit<T>(
    mut tx: Transaction<'_>,
    f: impl FnOnce(&mut Session<'_, Transaction<'_>>) -> Result<T>,
    target: &Target,
) -> Result<T> {
    let out = f(&mut Session { c: &mut tx })?;
    tx.commit().map_err(|e| match e.as_db_error() {
        Some(_) => anyhow::Error::from(e),
        None => anyhow::Error::from(crate::store::OutcomeUnknown {
            server: target.shown(),
            cause: e.to_string(),
        }),
    })?;
    Ok(out)
}

/// A connection or transaction. Every statement goes as one unnamed, typed statement (Parse,
/// Bind and Execute in one round trip): a command runs most statements once, so preparing
/// them first cost a second round trip each, and a named statement outlives its transaction on
/// the server connection, which a transaction pooler (PgBouncer) then hands to another client
/// whose own `s0` clashes with it.
pub(super) struct Session<'a, C: GenericClient> {
    pub c: &'a mut C,
}

/// A statement parameter that knows its PostgreSQL type, so statements need not be prepared
/// to learn it.
pub(super) trait Param: ToSql + Sync {
    fn pg_type(&self) -> Type;
    fn as_sql(&self) -> &(dyn ToSql + Sync);
}

/// The PostgreSQL type of a Rust value mindops binds.
pub(super) trait Typed {
    fn pg() -> Type;
}

macro_rules! typed {
    ($($rust:ty => $pg:ident, $array:ident;)*) => {
        $(
            impl Typed for $rust {
                fn pg() -> Type {
                    Type::$pg
                }
            }
            impl Typed for Vec<$rust> {
                fn pg() -> Type {
                    Type::$array
                }
            }
            impl Typed for Vec<Option<$rust>> {
                fn pg() -> Type {
                    Type::$array
                }
            }
        )*
    };
}

typed! {
    i64 => INT8, INT8_ARRAY;
    i32 => INT4, INT4_ARRAY;
    f64 => FLOAT8, FLOAT8_ARRAY;
    bool => BOOL, BOOL_ARRAY;
    String => TEXT, TEXT_ARRAY;
    &str => TEXT, TEXT_ARRAY;
}

impl<T: Typed> Typed for Option<T> {
    fn pg() -> Type {
        T::pg()
    }
}

impl<T: Typed + ?Sized> Typed for &T {
    fn pg() -> Type {
        T::pg()
    }
}

impl<T: ToSql + Sync + Typed> Param for T {
    fn pg_type(&self) -> Type {
        T::pg()
    }
    fn as_sql(&self) -> &(dyn ToSql + Sync) {
        self
    }
}

type Params<'p> = &'p [&'p dyn Param];

/// The parameters as the typed calls take them.
pub(super) fn typed<'p>(params: Params<'p>) -> Vec<(&'p (dyn ToSql + Sync), Type)> {
    params.iter().map(|p| (p.as_sql(), p.pg_type())).collect()
}

impl<C: GenericClient> Session<'_, C> {
    pub fn all(&mut self, sql: &str, params: Params<'_>) -> Result<Vec<Row>> {
        Ok(self.c.query_typed(sql, &typed(params))?)
    }

    pub fn one(&mut self, sql: &str, params: Params<'_>) -> Result<Row> {
        Ok(self.c.query_typed_one(sql, &typed(params))?)
    }

    pub fn opt(&mut self, sql: &str, params: Params<'_>) -> Result<Option<Row>> {
        Ok(self.c.query_typed_opt(sql, &typed(params))?)
    }

    /// Every row, each read by `read`.
    pub fn read_all<T>(
        &mut self,
        sql: &str,
        params: Params<'_>,
        read: fn(&dyn Columns) -> Result<T>,
    ) -> Result<Vec<T>> {
        self.all(sql, params)?.iter().map(|r| read(r)).collect()
    }

    /// The one row, if any, read by `read`.
    pub fn read_opt<T>(
        &mut self,
        sql: &str,
        params: Params<'_>,
        read: fn(&dyn Columns) -> Result<T>,
    ) -> Result<Option<T>> {
        self.opt(sql, params)?.as_ref().map(|r| read(r)).transpose()
    }

    pub fn exec(&mut self, sql: &str, params: Params<'_>) -> Result<u64> {
        Ok(self.c.execute_typed(sql, &typed(params))?)
    }

    /// Holds an advisory lock until the transaction ends.
    pub fn lock(&mut self, kind: i32, key: i32) -> Result<()> {
        self.exec(
            "SELECT pg_advisory_xact_lock($1, $2)",
            &[&LOCK_SPACE.wrapping_add(kind), &key],
        )?;
        Ok(())
    }

    /// Holds an advisory lock on a text key until the transaction ends.
    pub fn lock_text(&mut self, kind: i32, key: &str) -> Result<()> {
        self.exec(
            "SELECT pg_advisory_xact_lock($1, hashtext($2))",
            &[&LOCK_SPACE.wrapping_add(kind), &key],
        )?;
        Ok(())
    }
}

impl Columns for Row {
    fn int(&self, i: usize) -> Result<Option<i64>> {
        Ok(self.try_get(i)?)
    }
    fn real(&self, i: usize) -> Result<Option<f64>> {
        Ok(self.try_get(i)?)
    }
    fn text(&self, i: usize) -> Result<Option<String>> {
        Ok(self.try_get(i)?)
    }
    fn flag(&self, i: usize) -> Result<bool> {
        Ok(self.try_get(i)?)
    }
}
