//! `db copy` on SQLite: tables read and written row by row in key order.

use anyhow::Result;
use rusqlite::types::{Value as Sql, ValueRef};
use rusqlite::{params_from_iter, TransactionBehavior};

use super::Sqlite;
use crate::store::copy::{refuse_non_empty, verify, Table, Ty, Value, TABLES};
use crate::store::Store;

impl Sqlite {
    pub fn version(&self) -> Result<i64> {
        Ok(super::user_version(&self.conn)?)
    }

    pub fn row_counts(&self) -> Result<Vec<(&'static str, u64)>> {
        counts(&self.conn)
    }

    pub fn export(
        &self,
        table: &Table,
        each: &mut dyn FnMut(&[Value]) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM {} ORDER BY {}",
            table.column_list(),
            table.name,
            table.columns[0].0
        ))?;
        let mut rows = stmt.query([])?;
        let mut row_values = Vec::with_capacity(table.columns.len());
        while let Some(row) = rows.next()? {
            row_values.clear();
            for (i, (_, ty)) in table.columns.iter().enumerate() {
                row_values.push(match (row.get_ref(i)?, ty) {
                    (ValueRef::Null, _) => Value::Null,
                    (ValueRef::Integer(n), Ty::Bool) => Value::Bool(n != 0),
                    (ValueRef::Integer(n), Ty::Real) => Value::Real(n as f64),
                    (ValueRef::Integer(n), _) => Value::Int(n),
                    (ValueRef::Real(x), _) => Value::Real(x),
                    (ValueRef::Text(t), _) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    (ValueRef::Blob(_), _) => anyhow::bail!(
                        "{} holds a blob in column {}; mindops never writes one",
                        table.name,
                        table.columns[i].0
                    ),
                });
            }
            each(&row_values)?;
        }
        Ok(())
    }

    /// Fills this database from `source` in one transaction, checked before it commits.
    pub fn import(
        &mut self,
        source: &Store,
        expected: &[(&'static str, u64)],
        replace: bool,
    ) -> Result<()> {
        let shown = self.path.display().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if replace {
            for table in TABLES.iter().rev() {
                tx.execute(&format!("DELETE FROM {}", table.name), [])?;
            }
        } else {
            refuse_non_empty(&counts(&tx)?, &shown)?;
        }
        for table in TABLES {
            let marks = vec!["?"; table.columns.len()].join(", ");
            let mut stmt = tx.prepare(&format!(
                "INSERT INTO {} ({}) VALUES ({marks})",
                table.name,
                table.column_list()
            ))?;
            source.export(table, &mut |row| {
                stmt.execute(params_from_iter(row.iter().map(|v| match v {
                    Value::Null => Sql::Null,
                    Value::Int(n) => Sql::Integer(*n),
                    Value::Bool(b) => Sql::Integer(i64::from(*b)),
                    Value::Real(x) => Sql::Real(*x),
                    Value::Text(t) => Sql::Text(t.clone()),
                })))?;
                Ok(())
            })?;
        }
        verify(expected, &counts(&tx)?)?;
        tx.commit()?;
        Ok(())
    }
}

fn counts(conn: &rusqlite::Connection) -> Result<Vec<(&'static str, u64)>> {
    TABLES
        .iter()
        .map(|t| {
            let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {}", t.name), [], |r| {
                r.get(0)
            })?;
            Ok((t.name, u64::try_from(n).unwrap_or(0)))
        })
        .collect()
}
