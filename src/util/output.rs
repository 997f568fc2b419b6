//! How data reaches the terminal or a script: tables for people, JSON and CSV for programs,
//! colour only where someone can see it. Data goes to stdout; talk goes to stderr.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use comfy_table::{Attribute, Cell, Color, ContentArrangement};
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

    /// A table with a bold header (when coloured) and columns sized to the terminal: `COLUMNS`
    /// when set, else the terminal's width, else 80 (a pseudo-terminal that reports 0 columns,
    /// as some do under `script` or CI, would squeeze every column to one character).
    pub fn table(&self, headers: &[&str]) -> Table {
        let mut table = comfy_table::Table::new();
        table
            .load_preset(QUIET)
            .set_content_arrangement(ContentArrangement::Dynamic);
        match (screen().columns, table.width()) {
            (Some(c), _) => {
                table.set_width(c);
            }
            // A terminal that reports a width: that width (comfy-table reads it itself).
            (None, Some(w)) if w > 0 => {}
            // A terminal of no size, a pipe, a file: 80 columns, as `COLUMNS` unset means to
            // most tools; scripts that want wider set COLUMNS, or read --format csv or json.
            _ => {
                table.set_width(80);
            }
        }
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
        Table(table)
    }

    /// A metric's state in the Nagios and Icinga colours: CRITICAL red, WARNING yellow,
    /// UNKNOWN magenta, OK green. `state` is the state's name; `text` what the cell says.
    pub fn state(&self, text: impl ToString, state: &str) -> Cell {
        let cell = Cell::new(text.to_string());
        if !self.color {
            return cell;
        }
        cell.fg(match state {
            "CRITICAL" => Color::Red,
            "WARNING" => Color::Yellow,
            "OK" => Color::Green,
            _ => Color::Magenta,
        })
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

/// The size of the screen output goes to, where known: `COLUMNS` and `LINES` when set (as
/// shells and tests set them), else what the terminal on stdout reports; a size of 0 is no
/// size.
#[derive(Debug, Clone, Copy, Default)]
pub struct Screen {
    pub columns: Option<u16>,
    pub lines: Option<u16>,
}

pub fn screen() -> Screen {
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.trim().parse::<u16>().ok())
            .filter(|v| *v > 0)
    };
    let mut screen = Screen {
        columns: env("COLUMNS"),
        lines: env("LINES"),
    };
    #[cfg(unix)]
    if io::stdout().is_terminal() {
        if let Ok(size) = rustix::termios::tcgetwinsize(io::stdout()) {
            screen.columns = screen.columns.or(Some(size.ws_col).filter(|c| *c > 0));
            screen.lines = screen.lines.or(Some(size.ws_row).filter(|r| *r > 0));
        }
    }
    screen
}

/// A table whose cells never carry a control character from the data into the terminal.
pub struct Table(comfy_table::Table);

impl Table {
    /// Keeps a column whole (an id, a time) however narrow the screen: the others wrap.
    pub fn keep_whole(&mut self, index: usize) -> &mut Self {
        if let Some(column) = self.0.column_mut(index) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
        self
    }

    pub fn add_row(&mut self, cells: impl IntoIterator<Item = Cell>) -> &mut Self {
        let cells: Vec<Cell> = cells
            .into_iter()
            .map(|cell| {
                let content = cell.content();
                match escape_controls(&content) {
                    // Styled cells are mindops's own words; only data needs the rewrite.
                    Cow::Borrowed(_) => cell,
                    Cow::Owned(clean) => Cell::new(clean),
                }
            })
            .collect();
        self.0.add_row(cells);
        self
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Control characters shown as escapes (`\x1b`): a title or note written as
/// `$'\e[2J...'` must not rewrite the terminal of whoever lists it. Newlines and tabs, which
/// lay out plain output and tables, are kept; JSON escapes on its own.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let wanted = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(wanted) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if wanted(c) {
            let code = c as u32;
            if code < 0x100 {
                out.push_str(&format!("\\x{code:02x}"));
            } else {
                out.push_str(&format!("\\u{{{code:x}}}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
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

    /// A line of text, its control characters escaped.
    pub fn line(&mut self, text: impl AsRef<str>) -> io::Result<()> {
        self.inner
            .write_all(escape_controls(text.as_ref()).as_bytes())?;
        self.inner.write_all(b"\n")
    }

    /// A whole document (Markdown, HTML, a calendar) that holds data: its control characters
    /// escaped, but for the line breaks it is laid out with (CRLF in a calendar).
    pub fn document(&mut self, text: &str) -> io::Result<()> {
        let clean = text
            .split("\r\n")
            .map(escape_controls)
            .collect::<Vec<_>>()
            .join("\r\n");
        self.inner.write_all(clean.as_bytes())
    }

    /// mindops's own terminal sequences (the alternate screen, cursor moves) and text made of
    /// cleaned cells: never data straight from the store or a config.
    pub fn ours(&mut self, text: &str) -> io::Result<()> {
        self.inner.write_all(text.as_bytes())
    }

    /// A table as rendered: its cells were cleaned on the way in, and its colours are ours.
    pub fn table(&mut self, table: &Table) -> io::Result<()> {
        self.inner.write_all(table.0.to_string().as_bytes())?;
        self.inner.write_all(b"\n")
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
        let record: Vec<String> = fields
            .iter()
            .map(|f| csv_field(&escape_controls(f.as_ref())))
            .collect();
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

/// Text for an HTML page: the characters markup gives meaning to, escaped.
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A key as the sheet writes it in a heading (`detection` → `Detection`): tables show names
/// so, while the key people type stays lower-case.
pub fn title_case(key: &str) -> String {
    let mut chars = key.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A message for the person at the terminal; never part of the data.
pub fn note(text: impl AsRef<str>) {
    let _ = writeln!(io::stderr(), "{}", escape_controls(text.as_ref()));
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
