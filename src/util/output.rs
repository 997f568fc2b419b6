//! How data reaches the terminal or a script: tables for people, JSON and CSV for programs,
//! colour only where someone can see it. Data goes to stdout; talk goes to stderr.

use std::io::{self, IsTerminal, Write};

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};
use serde::Serialize;

/// No borders, no row rules: a header underlined and columns apart, as `ps` and `kubectl` print,
/// so a table stays readable in a narrow terminal and greppable in a pipe.
const QUIET: &str = "     ──            ";

/// When to colour: the value of `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// `NO_COLOR` (any non-empty value) wins over auto; `--color always` wins over both.
    pub fn choose(choice: ColorChoice) -> Self {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        };
        Style { color }
    }

    /// A table with a bold header (when coloured) and columns sized to the terminal.
    pub fn table(&self, headers: &[&str]) -> Table {
        let mut table = Table::new();
        table
            .load_preset(QUIET)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if self.color {
            table.enforce_styling();
            table.set_header(
                headers
                    .iter()
                    .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
            );
        } else {
            table.set_header(headers.iter().map(Cell::new));
        }
        table
    }

    /// A cell that stands out: an override, a problem.
    pub fn marked(&self, text: impl ToString) -> Cell {
        let cell = Cell::new(text.to_string());
        if self.color {
            cell.fg(Color::Yellow)
        } else {
            cell
        }
    }
}

/// Stdout, buffered; every write error (a closed pipe among them) is returned, never a panic.
pub struct Out {
    inner: io::BufWriter<io::StdoutLock<'static>>,
}

impl Out {
    pub fn stdout() -> Self {
        Out {
            inner: io::BufWriter::new(io::stdout().lock()),
        }
    }

    pub fn line(&mut self, text: impl AsRef<str>) -> io::Result<()> {
        self.inner.write_all(text.as_ref().as_bytes())?;
        self.inner.write_all(b"\n")
    }

    pub fn raw(&mut self, text: &str) -> io::Result<()> {
        self.inner.write_all(text.as_bytes())
    }

    pub fn table(&mut self, table: &Table) -> io::Result<()> {
        self.line(table.to_string())
    }

    pub fn json(&mut self, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut self.inner, value)?;
        self.inner.write_all(b"\n")
    }

    /// The buffered stdout, for a serializer that streams into it.
    pub fn writer(&mut self) -> &mut impl Write {
        &mut self.inner
    }

    /// One CSV record, quoted where RFC 4180 needs it.
    pub fn csv<S: AsRef<str>>(&mut self, fields: &[S]) -> io::Result<()> {
        let record: Vec<String> = fields.iter().map(|f| csv_field(f.as_ref())).collect();
        self.line(record.join(","))
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A message for the person at the terminal; never part of the data.
pub fn note(text: impl AsRef<str>) {
    let _ = writeln!(io::stderr(), "{}", text.as_ref());
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("Felix"), "Felix");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
