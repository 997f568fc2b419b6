//! `db copy` on PostgreSQL: each table streamed in with COPY, the identity sequences moved on
//! past the ids that came in.

use std::io::Write;

use anyhow::Result;
use postgres::GenericClient;

use super::Postgres;
use crate::store::copy::{refuse_non_empty, verify, Table, Ty, Value, TABLES};
use crate::store::Store;

impl Postgres {
    pub fn row_counts(&self) -> Result<Vec<(&'static str, u64)>> {
        let mut inner = self.inner.borrow_mut();
        counts(&mut inner.client)
    }

    pub fn export(
        &self,
        table: &Table,
        each: &mut dyn FnMut(&[Value]) -> Result<()>,
    ) -> Result<()> {
        let mut inner = self.inner.borrow_mut();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {}",
            table.column_list(),
            table.name,
            table.columns[0].0
        );
        let mut rows = inner.client.query_typed_raw(&sql, super::typed(&[]))?;
        let mut row_values = Vec::with_capacity(table.columns.len());
        while let Some(row) = postgres::fallible_iterator::FallibleIterator::next(&mut rows)? {
            row_values.clear();
            for (i, (_, ty)) in table.columns.iter().enumerate() {
                let value = match ty {
                    Ty::Int => row.try_get::<_, Option<i64>>(i)?.map(Value::Int),
                    Ty::Real => row.try_get::<_, Option<f64>>(i)?.map(Value::Real),
                    Ty::Text => row.try_get::<_, Option<String>>(i)?.map(Value::Text),
                    Ty::Bool => row.try_get::<_, Option<bool>>(i)?.map(Value::Bool),
                };
                row_values.push(value.unwrap_or(Value::Null));
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
        let shown = self.target.shown();
        let inner = self.inner.get_mut();
        let mut tx = inner.client.transaction()?;
        // A whole history may take longer than one command's statement bound.
        tx.batch_execute("SET LOCAL statement_timeout = 0")?;
        let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        // Nobody writes between the look and the copy: a row that arrived meanwhile would be
        // truncated unseen.
        tx.batch_execute(&format!(
            "LOCK TABLE {} IN ACCESS EXCLUSIVE MODE",
            names.join(", ")
        ))?;
        if !replace {
            refuse_non_empty(&counts(&mut tx)?, &shown)?;
        }
        // Truncated in this transaction, the tables take COPY ... FREEZE: the rows arrive
        // frozen and all-visible (PostgreSQL 14 and later set the visibility map as they
        // load), so the first report's index-only scans need no second VACUUM.
        tx.batch_execute(&format!("TRUNCATE {}", names.join(", ")))?;
        for table in TABLES {
            let mut writer = tx.copy_in(&format!(
                "COPY {} ({}) FROM STDIN WITH (FREEZE)",
                table.name,
                table.column_list()
            ))?;
            let mut line = String::new();
            source.export(table, &mut |row| {
                line.clear();
                for (i, value) in row.iter().enumerate() {
                    if i > 0 {
                        line.push('\t');
                    }
                    copy_field(&mut line, value);
                }
                line.push('\n');
                writer.write_all(line.as_bytes())?;
                Ok(())
            })?;
            writer.finish()?;
            if table.columns[0] == ("id", Ty::Int) {
                tx.batch_execute(&format!(
                    "SELECT setval(pg_get_serial_sequence('mindops.{0}', 'id'),
                                   coalesce(max(id), 0) + 1, false) FROM {0}",
                    table.name
                ))?;
            }
        }
        verify(expected, &counts(&mut tx)?)?;
        tx.commit()?;
        // A million rows arrived at once: give the planner their statistics now rather than
        // when autovacuum gets round to it.
        // Separate statements: VACUUM cannot run in the implicit transaction of a batch.
        inner.client.batch_execute("SET statement_timeout = 0")?;
        inner.client.batch_execute("VACUUM ANALYZE")?;
        Ok(())
    }
}

/// A value in COPY's text format: `\N` for null, backslash escapes for the characters that
/// would end a field or a row.
fn copy_field(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("\\N"),
        Value::Int(n) => out.push_str(&n.to_string()),
        // Rust prints the shortest text that reads back as the same double.
        Value::Real(x) => out.push_str(&x.to_string()),
        Value::Bool(b) => out.push(if *b { 't' } else { 'f' }),
        Value::Text(t) => {
            for c in t.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\t' => out.push_str("\\t"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
        }
    }
}

fn counts(client: &mut impl GenericClient) -> Result<Vec<(&'static str, u64)>> {
    TABLES
        .iter()
        .map(|t| {
            let n: i64 = client
                .query_typed_one(&format!("SELECT count(*) FROM {}", t.name), &[])?
                .get(0);
            Ok((t.name, u64::try_from(n).unwrap_or(0)))
        })
        .collect()
}
