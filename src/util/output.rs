//! How data reaches the terminal or a script: tables for people, JSON and CSV for programs,
//! colour only where someone can see it. Data goes to stdout; talk goes to stderr.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use comfy_table::{Attribute, Cell, Color, ContentArrangement};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

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
        Table {
            inner: table,
            optional: Vec::new(),
        }
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

/// The width to lay text out in: the screen's, else 80 (a pipe, a file, a terminal of no
/// size), as for tables.
pub fn text_width() -> usize {
    screen().columns.map_or(80, usize::from)
}

/// `prefix` as it is, then `text` wrapped between words to `width` columns, every line after
/// the first indented by `indent` spaces; a word wider than a line alone is broken. Line
/// breaks in `text` are kept.
pub fn wrap(prefix: &str, text: &str, width: usize, indent: usize) -> String {
    let width = width.max(indent + 10);
    let mut out = String::with_capacity(prefix.len() + text.len() + 16);
    out.push_str(prefix);
    let mut column = UnicodeWidthStr::width(prefix);
    let mut fresh = prefix.is_empty() || prefix.ends_with(' ');
    let start_line = |out: &mut String, column: &mut usize| {
        let kept = out.trim_end_matches(' ').len();
        out.truncate(kept);
        out.push('\n');
        out.push_str(&" ".repeat(indent));
        *column = indent;
    };
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            start_line(&mut out, &mut column);
            fresh = true;
        }
        for word in line.split_whitespace() {
            let mut word = word;
            let size = UnicodeWidthStr::width(word);
            let gap = usize::from(!fresh);
            if column > indent && column + gap + size > width {
                start_line(&mut out, &mut column);
                fresh = true;
            }
            if !fresh {
                out.push(' ');
                column += 1;
            }
            // A word wider than a whole line: as much as fits, then the rest on the next.
            while column + UnicodeWidthStr::width(word) > width {
                let room = width.saturating_sub(column).max(1);
                let cut = word
                    .char_indices()
                    .scan(0, |used, (i, c)| {
                        *used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                        Some((i + c.len_utf8(), *used))
                    })
                    .take_while(|(_, used)| *used <= room)
                    .last()
                    // Not even one character fits: it goes alone, so the loop always advances.
                    .map_or_else(
                        || word.chars().next().map_or(word.len(), char::len_utf8),
                        |(i, _)| i,
                    );
                out.push_str(&word[..cut]);
                word = &word[cut..];
                start_line(&mut out, &mut column);
            }
            out.push_str(word);
            column += UnicodeWidthStr::width(word);
            fresh = false;
        }
    }
    out
}

/// A table whose cells never carry a control character from the data into the terminal, and
/// whose words break only when one alone is wider than the screen allows.
pub struct Table {
    inner: comfy_table::Table,
    /// Columns dropped, last first, when the longest words do not fit.
    optional: Vec<usize>,
}

impl Table {
    /// Keeps a column whole (an id, a time) however narrow the screen: the others wrap.
    pub fn keep_whole(&mut self, index: usize) -> &mut Self {
        if let Some(column) = self.inner.column_mut(index) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
        self
    }

    /// Lets a column go when the screen has no room for every column's longest word: a
    /// second handle on a row (an id beside a number) that is worth less than whole words.
    pub fn optional(&mut self, index: usize) -> &mut Self {
        self.optional.push(index);
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
        self.inner.add_row(cells);
        self
    }
}

impl Table {
    /// The table with each column's width chosen so that no word is broken while the screen
    /// has room for every column's longest word (comfy-table alone shares the width without
    /// regard to words, so `morning` became `mornin` + `g`).
    fn fitted(&self) -> comfy_table::Table {
        let mut table = self.inner.clone();
        let Some(width) = table.width() else {
            return table;
        };
        let count = table.column_iter().count();
        let whole: Vec<bool> = table
            .column_iter()
            .map(|c| {
                matches!(
                    c.constraint(),
                    Some(comfy_table::ColumnConstraint::ContentWidth)
                )
            })
            .collect();
        let (mut longest, mut words) = (Vec::new(), Vec::new());
        for index in 0..count {
            let texts: Vec<String> = table
                .column_cells_with_header_iter(index)
                .flatten()
                .map(Cell::content)
                .collect();
            let lines = texts.iter().flat_map(|t| t.lines());
            longest.push(lines.clone().map(UnicodeWidthStr::width).max().unwrap_or(0));
            let word = lines
                .flat_map(str::split_whitespace)
                .map(UnicodeWidthStr::width);
            words.push(word.max().unwrap_or(0));
        }
        // The QUIET preset draws no outer border: a column is its content and a space each
        // side, and columns are a space apart.
        let room = |shown: usize| (usize::from(width) + 1).saturating_sub(3 * shown);
        let mut shown: Vec<bool> = vec![true; count];
        let need = |shown: &[bool]| -> usize {
            (0..count)
                .filter(|&i| shown[i])
                .map(|i| if whole[i] { longest[i] } else { words[i] })
                .sum()
        };
        for &index in self.optional.iter().rev() {
            let visible = shown.iter().filter(|s| **s).count();
            if index >= count || need(&shown) <= room(visible) {
                break;
            }
            shown[index] = false;
        }
        let visible: Vec<usize> = (0..count).filter(|&i| shown[i]).collect();
        let pick = |v: &[usize]| visible.iter().map(|&i| v[i]).collect::<Vec<_>>();
        let pick_whole: Vec<bool> = visible.iter().map(|&i| whole[i]).collect();
        let widths = column_widths(
            &pick(&longest),
            &pick(&words),
            &pick_whole,
            room(visible.len()),
        );
        let mut widths = widths.into_iter();
        for (index, column) in table.column_iter_mut().enumerate() {
            let constraint = match shown[index].then(|| widths.next()).flatten() {
                Some(cells) => comfy_table::ColumnConstraint::Absolute(comfy_table::Width::Fixed(
                    u16::try_from(cells + 2).unwrap_or(u16::MAX),
                )),
                None => comfy_table::ColumnConstraint::Hidden,
            };
            column.set_constraint(constraint);
        }
        table
    }
}

/// Content widths for columns whose longest line is `longest` and longest word `words`,
/// within `room`: each column its longest word first (all of it, for a column kept `whole`),
/// then what is left shared evenly among the columns that want more. When even the longest
/// words do not fit, the widest columns give way first, so the fewest words break.
fn column_widths(longest: &[usize], words: &[usize], whole: &[bool], room: usize) -> Vec<usize> {
    if longest.iter().sum::<usize>() <= room {
        return longest.to_vec();
    }
    let mut widths: Vec<usize> = (0..longest.len())
        .map(|i| {
            if whole[i] {
                longest[i]
            } else {
                words[i].min(longest[i])
            }
        })
        .collect();
    let mut used: usize = widths.iter().sum();
    while used > room {
        let Some(widest) = (0..widths.len())
            .filter(|&i| !whole[i] && widths[i] > 1)
            .max_by_key(|&i| widths[i])
        else {
            break;
        };
        widths[widest] -= 1;
        used -= 1;
    }
    let mut spare = room.saturating_sub(used);
    while spare > 0 {
        let wanting: Vec<usize> = (0..widths.len())
            .filter(|&i| widths[i] < longest[i])
            .collect();
        if wanting.is_empty() {
            break;
        }
        let share = (spare / wanting.len()).max(1);
        for i in wanting {
            let more = share.min(longest[i] - widths[i]).min(spare);
            widths[i] += more;
            spare -= more;
        }
    }
    widths
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.fitted().fmt(f)
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
        self.inner.write_all(table.to_string().as_bytes())?;
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
    use super::{column_widths, csv_field, wrap};

    #[test]
    fn text_wraps_between_words_with_a_hanging_indent() {
        assert_eq!(
            wrap(
                "  2024-08-07 10:00 UTC  Iris: ",
                "the disk on db-2 fills by Friday",
                30,
                4
            ),
            "  2024-08-07 10:00 UTC  Iris:\n    the disk on db-2 fills by\n    Friday"
        );
        assert_eq!(
            wrap("", "abcdefghijklmnopqrstuvwxyz", 12, 2),
            "abcdefghijkl\n  mnopqrstuv\n  wxyz"
        );
        assert_eq!(wrap("", "one\ntwo", 40, 2), "one\n  two");
    }

    #[test]
    fn columns_get_their_longest_word_then_share_the_rest() {
        // Everything fits: each column its longest line.
        assert_eq!(column_widths(&[5, 9], &[5, 4], &[false, false], 20), [5, 9]);
        // Words first (3 + 7 + 12), then 8 more shared evenly: the short column is
        // satisfied and the two long ones share the rest.
        assert_eq!(
            column_widths(&[4, 30, 20], &[3, 7, 12], &[false, false, false], 30),
            [4, 11, 15]
        );
        // A column kept whole keeps its line; when even the words do not fit, the widest
        // others give way first.
        assert_eq!(
            column_widths(&[10, 20, 20], &[10, 12, 6], &[true, false, false], 20),
            [10, 5, 5]
        );
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("Felix"), "Felix");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
