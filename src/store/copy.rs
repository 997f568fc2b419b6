//! Moving a whole history between stores (`db copy`): a team that started on one SQLite file
//! keeps it when it moves to a shared PostgreSQL, and can take it back out.
//!
//! Rows travel as they are, ids included, so every reference (an event's incident, a tick's
//! day) still holds. The target is filled in one transaction and its row counts are checked
//! against the source's before it commits.

use anyhow::{bail, Result};

use super::{Location, Store};

/// The kind of value a column holds, so each backend reads and writes it with its own type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Int,
    Real,
    Text,
    Bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bool(bool),
}

pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Ty)],
}

impl Table {
    pub fn column_list(&self) -> String {
        self.columns
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

use Ty::{Bool, Int, Real, Text};

/// Every table, parents before children.
pub const TABLES: &[Table] = &[
    Table {
        name: "overrides",
        columns: &[
            ("id", Int),
            ("role", Text),
            ("person", Text),
            ("starts_at", Int),
            ("ends_at", Int),
            ("reason", Text),
            ("created_by", Text),
            ("created_at", Int),
            ("removed_by", Text),
            ("removed_at", Int),
        ],
    },
    Table {
        name: "incidents",
        columns: &[
            ("id", Int),
            ("title", Text),
            ("description", Text),
            ("severity", Text),
            ("status", Text),
            ("phase", Text),
            ("opened_at", Int),
            ("opened_by", Text),
            ("acked_at", Int),
            ("closed_at", Int),
            ("ack_due", Int),
            ("resolve_due", Int),
            ("escalation_level", Int),
            ("dedup_key", Text),
            ("resolution", Text),
        ],
    },
    Table {
        name: "incident_events",
        columns: &[
            ("id", Int),
            ("incident_id", Int),
            ("at", Int),
            ("actor", Text),
            ("kind", Text),
            ("old_value", Text),
            ("new_value", Text),
            ("text", Text),
        ],
    },
    Table {
        name: "outbox",
        columns: &[
            ("id", Int),
            ("key", Text),
            ("channel", Text),
            ("topic", Text),
            ("incident_id", Int),
            ("recipient", Text),
            ("payload", Text),
            ("state", Text),
            ("attempts", Int),
            ("created_at", Int),
            ("next_at", Int),
            ("sent_at", Int),
            ("last_error", Text),
            ("claim", Text),
        ],
    },
    Table {
        name: "beats",
        columns: &[("name", Text), ("at", Int), ("count", Int)],
    },
    Table {
        name: "incident_actions",
        columns: &[
            ("id", Int),
            ("incident_id", Int),
            ("text", Text),
            ("owner", Text),
            ("due", Text),
            ("created_at", Int),
            ("created_by", Text),
            ("done_at", Int),
            ("done_by", Text),
        ],
    },
    Table {
        name: "metric_checks",
        columns: &[
            ("id", Int),
            ("at", Int),
            ("state", Text),
            ("metrics", Int),
            ("slot", Int),
        ],
    },
    Table {
        name: "metric_samples",
        columns: &[
            ("id", Int),
            ("check_id", Int),
            ("metric", Text),
            ("at", Int),
            ("value", Real),
            ("state", Text),
            ("raw_state", Text),
        ],
    },
    Table {
        name: "checklist_days",
        columns: &[("day", Text), ("items", Text), ("created_at", Int)],
    },
    Table {
        name: "checklist_ticks",
        columns: &[
            ("id", Int),
            ("day", Text),
            ("item", Text),
            ("done", Bool),
            ("actor", Text),
            ("at", Int),
            ("note", Text),
        ],
    },
    Table {
        name: "handover_notes",
        columns: &[("id", Int), ("at", Int), ("author", Text), ("text", Text)],
    },
    Table {
        name: "review_notes",
        columns: &[
            ("id", Int),
            ("period", Text),
            ("topic", Text),
            ("text", Text),
            ("author", Text),
            ("at", Int),
        ],
    },
];

/// What a copy moved: rows per table.
#[derive(Debug, Clone)]
pub struct Copied {
    pub from: String,
    pub to: String,
    pub rows: Vec<(&'static str, u64)>,
}

/// Copies every row of `from` into `to`, which must hold nothing unless `replace` says to
/// throw away what it holds. Nothing is written unless all of it is.
pub fn copy(from: &Location, to: &Location, replace: bool) -> Result<Copied> {
    if from == to {
        bail!("--from and --to name the same database ({from}); name two different ones");
    }
    if let Location::Sqlite(path) = from {
        if !path.exists() {
            bail!(
                "{} does not exist; --from names the database to copy",
                path.display()
            );
        }
    }
    let source = Store::open_existing(from)?;
    let rows = source.row_counts()?;
    let mut target = Store::open(to)?;
    target.backend.import(&source, &rows, replace)?;
    Ok(Copied {
        from: from.to_string(),
        to: to.to_string(),
        rows,
    })
}

/// The refusal of a target that holds data, naming what it holds.
pub fn refuse_non_empty(held: &[(&'static str, u64)], target: &str) -> Result<()> {
    let held: Vec<String> = held
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(t, n)| format!("{n} {t}"))
        .collect();
    if !held.is_empty() {
        bail!(
            "{target} already holds data ({}); copy into an empty database, or pass --replace \
             to delete what it holds first",
            held.join(", ")
        );
    }
    Ok(())
}

/// The check before commit: every table holds what the source held.
pub fn verify(expected: &[(&'static str, u64)], got: &[(&'static str, u64)]) -> Result<()> {
    for ((table, want), (_, have)) in expected.iter().zip(got) {
        if want != have {
            bail!("copy check failed: {table} has {have} rows, the source {want}; nothing was written");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{Ty, TABLES};
    use crate::store::{Location, Store};

    /// The columns `db copy` carries, per table, as the description says.
    fn described() -> Vec<(String, Vec<(String, Ty)>)> {
        let mut tables: Vec<(String, Vec<(String, Ty)>)> = TABLES
            .iter()
            .map(|t| {
                let columns = t
                    .columns
                    .iter()
                    .map(|(c, ty)| (c.to_string(), *ty))
                    .collect();
                (t.name.to_string(), columns)
            })
            .collect();
        tables.sort_by(|a, b| a.0.cmp(&b.0));
        tables
    }

    /// Every table the migrations made, with its columns in order and their kinds; a column
    /// `db copy` did not know would be dropped silently.
    #[test]
    fn the_schema_description_matches_what_the_sqlite_migrations_make() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schema.db");
        Store::open(&Location::Sqlite(path.clone())).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mut names: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        names.retain(|n| !n.starts_with("sqlite_"));
        let live: Vec<(String, Vec<(String, Ty)>)> = names
            .into_iter()
            .map(|table| {
                let columns = conn
                    .prepare(&format!(
                        "SELECT name, type FROM pragma_table_info('{table}')"
                    ))
                    .unwrap()
                    .query_map([], |r| {
                        let (name, ty): (String, String) = (r.get(0)?, r.get(1)?);
                        Ok((name, ty))
                    })
                    .unwrap()
                    .map(|c| {
                        let (name, ty) = c.unwrap();
                        let kind = match ty.as_str() {
                            "INTEGER" if name == "done" => Ty::Bool,
                            "INTEGER" => Ty::Int,
                            "REAL" => Ty::Real,
                            "TEXT" => Ty::Text,
                            other => panic!("{table}.{name} is {other}"),
                        };
                        (name, kind)
                    })
                    .collect();
                (table, columns)
            })
            .collect();
        assert_eq!(live, described());
    }

    #[test]
    fn the_schema_description_matches_what_the_postgres_migrations_make() {
        let Some(db) = crate::store::test_database::TestDatabase::create("postgres schema") else {
            return;
        };
        let url = db.url.clone();
        Store::open(&Location::Postgres(url.clone())).unwrap();
        let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let rows = client
            .query_typed(
                "SELECT table_name::text, column_name::text, data_type::text
                   FROM information_schema.columns WHERE table_schema = 'mindops'
                    -- the migrations' own record: each store keeps its own
                    AND table_name <> 'schema_migrations'
                  ORDER BY table_name, ordinal_position",
                &[],
            )
            .unwrap();
        drop(client);
        let mut live: Vec<(String, Vec<(String, Ty)>)> = Vec::new();
        for row in rows {
            let (table, column, ty): (String, String, String) =
                (row.get(0), row.get(1), row.get(2));
            let kind = match ty.as_str() {
                "bigint" => Ty::Int,
                "double precision" => Ty::Real,
                "text" => Ty::Text,
                "boolean" => Ty::Bool,
                other => panic!("{table}.{column} is {other}"),
            };
            match live.last_mut() {
                Some((t, columns)) if *t == table => columns.push((column, kind)),
                _ => live.push((table, vec![(column, kind)])),
            }
        }
        assert_eq!(live, described());
    }
}
