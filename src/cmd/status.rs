//! `mindops status`: the seed's monitoring dashboard on one screen.

use std::time::Duration as StdDuration;

use anyhow::{bail, Result};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use comfy_table::Cell;

use crate::cli::{ScreenFormat, StatusArgs};
use crate::ops::status::{gather, MetricLine, Status, TREND};
use crate::util::output::Out;
use crate::util::time::{ago, human};
use crate::{exit, Context};

pub fn run(ctx: &Context, args: StatusArgs) -> Result<u8> {
    let Some(every) = args.watch else {
        let status = gather_now(ctx)?;
        let mut out = Out::stdout();
        match args.format {
            ScreenFormat::Json => out.json(&status)?,
            ScreenFormat::Table => out.ours(&render(ctx, &status))?,
        }
        out.flush()?;
        return Ok(exit::SUCCESS);
    };
    if args.format != ScreenFormat::Table {
        bail!("--watch redraws a table; use it without --format, or poll `mindops status --format json`");
    }
    // On a terminal the frames go to the alternate screen, as watch and top draw, each over
    // the last in place, and the screen is given back on Ctrl-C; into a pipe or a file, frames
    // follow one another as plain text, with no control codes, whatever --color says.
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
    if terminal {
        ctrlc::set_handler(|| {
            let mut out = std::io::stdout();
            let _ = std::io::Write::write_all(&mut out, b"\x1b[?1049l");
            let _ = std::io::Write::flush(&mut out);
            std::process::exit(0);
        })?;
        let mut out = Out::stdout();
        out.ours("\x1b[?1049h")?;
        out.flush()?;
    }
    let mut first = true;
    loop {
        let status = gather_now(ctx)?;
        let screen = render(ctx, &status);
        let stamp = format!("refreshed {}", seconds(status.now, status.zone));
        let mut out = Out::stdout();
        if terminal {
            out.ours(if first { "\x1b[H\x1b[2J" } else { "\x1b[H" })?;
            out.ours(&screen.replace('\n', "\x1b[K\n"))?;
            out.ours(&format!("{stamp}\x1b[K\n\x1b[J"))?;
        } else {
            out.ours(&screen)?;
            out.line(&stamp)?;
            out.line("")?;
        }
        out.flush()?;
        // The lock on stdout goes before the wait: Ctrl-C's handler writes to stdout to give
        // the screen back, and must not wait out the interval for it.
        drop(out);
        first = false;
        std::thread::sleep(StdDuration::from_secs(every));
    }
}

/// `10:00:05 UTC`: the time of a refresh, to the second.
fn seconds(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).format("%H:%M:%S %Z").to_string()
}

/// What the fold leaves out, counted by state: `3 OK, 18 UNKNOWN (no value)`.
fn hidden_by_state(all: &[MetricLine], shown: &[&MetricLine]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in all
        .iter()
        .filter(|m| !shown.iter().any(|s| s.name == m.name))
    {
        let state = match (m.state, m.at.is_none(), m.stale) {
            ("UNKNOWN", true, _) => "UNKNOWN (no value)".to_string(),
            ("UNKNOWN", _, true) => "UNKNOWN (stale)".to_string(),
            (state, _, _) => state.to_string(),
        };
        match counts.iter_mut().find(|(s, _)| *s == state) {
            Some((_, n)) => *n += 1,
            None => counts.push((state, 1)),
        }
    }
    counts
        .iter()
        .map(|(state, n)| format!("{n} {state}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The dashboard as it stands now.
fn gather_now(ctx: &Context) -> Result<Status> {
    let (config, thresholds) = ctx.config()?;
    let zone = ctx.zone(&config.rotation);
    gather(
        &config,
        &thresholds,
        &ctx.existing_store()?,
        ctx.clock.now(),
        zone,
    )
}

/// A line cut to the screen's width with an ellipsis, so one long note does not push the
/// screen down.
fn fit(line: String, width: Option<u16>) -> String {
    match width.map(usize::from) {
        Some(w) if line.chars().count() > w => {
            let mut cut: String = line.chars().take(w.saturating_sub(1)).collect();
            cut.push('…');
            cut
        }
        _ => line,
    }
}

fn render(ctx: &Context, s: &Status) -> String {
    let zone = s.zone;
    let at = s.now;
    let mut out = format!("mindops status · {}\n\n", human(at, zone));
    let who: Vec<String> = s
        .oncall
        .iter()
        .map(|o| {
            crate::util::output::escape_controls(&format!("{} {}", o.role, o.person)).into_owned()
        })
        .chain(s.gaps.iter().map(|role| format!("{role} nobody")))
        .collect();
    let screen = crate::util::output::screen();
    let columns = screen.columns;
    out.push_str(&fit(
        match s.shift {
            Some(n) => format!("On call, shift {n}: {}", who.join(" · ")),
            None => "On call: nobody (the rotation has not started)".into(),
        },
        columns,
    ));
    out.push('\n');

    out.push_str(&format!("\nOpen incidents: {}\n", s.incidents.len()));
    if !s.incidents.is_empty() {
        let mut table = ctx.style.table(&["ID", "Sev", "Status", "Title", "SLA"]);
        for i in &s.incidents {
            table.add_row(vec![
                Cell::new(i.id),
                Cell::new(&i.severity),
                Cell::new(i.status),
                Cell::new(&i.title),
                if i.breaching {
                    ctx.style.marked(&i.sla)
                } else {
                    Cell::new(&i.sla)
                },
            ]);
        }
        out.push_str(&format!("{table}\n"));
    }

    out.push_str(&metrics_section(ctx, s, &out, screen));
    for slo in &s.slos {
        let line = format!("SLO {}: {} ({})", slo.name, slo.text, slo.state);
        out.push_str(&fit(line, columns));
        out.push('\n');
    }

    let c = &s.checklist;
    out.push_str(&format!(
        "\nChecklist {}: {}/{} done, {} overdue\n",
        c.date, c.done, c.total, c.overdue
    ));
    let handover = match &s.handover {
        Some(h) => format!(
            "Latest handover: {} {}: {}",
            human(h.when, zone),
            h.author,
            h.text
        ),
        None => "Latest handover: none".into(),
    };
    out.push_str(&fit(handover, columns));
    out.push('\n');
    let n = &s.notifications;
    if n.failed > 0 || n.pending > 0 {
        out.push_str(&format!(
            "Notifications: {} failed, {} waiting (mindops notify list{})\n",
            n.failed,
            n.pending,
            if n.failed > 0 { " --failed" } else { "" }
        ));
    }
    out
}

/// The metrics table, fitted to the screen: under 100 columns the group column goes and the
/// trend shortens; when the lines run out, only the metrics not OK are listed, and a line
/// counts the rest. `above` is what the screen shows before it.
fn metrics_section(
    ctx: &Context,
    s: &Status,
    above: &str,
    screen: crate::util::output::Screen,
) -> String {
    let mut out = String::new();
    let columns = screen.columns;
    // Wider and taller screens get everything.
    let width = screen.columns.unwrap_or(120);
    let narrow = width < 100;
    let trend_points = if width >= 110 { TREND as usize } else { 8 };
    // Below the rows: the fold line, a blank and the checklist, the handover, the
    // notifications line when there is one; above them the blank, heading, header and rule.
    let notifications = usize::from(s.notifications.failed > 0 || s.notifications.pending > 0);
    // And the shell's prompt after it all, so the title never scrolls away.
    let used = above.lines().count() + 4 + 1 + 2 + 1 + notifications + 1 + s.slos.len();
    let room = screen.lines.map(|l| usize::from(l).saturating_sub(used));
    let shown: Vec<&MetricLine> = match room {
        Some(room) if s.metrics.len() > room => {
            // The most pressing first: CRITICAL, WARNING, UNKNOWN, then OK; shown in the
            // config's order. Never an empty table: at least one row.
            let rank = |m: &MetricLine| match m.state {
                "CRITICAL" => 0,
                "WARNING" => 1,
                "UNKNOWN" => 2,
                _ => 3,
            };
            let mut order: Vec<usize> = (0..s.metrics.len()).collect();
            order.sort_by_key(|&i| (rank(&s.metrics[i]), i));
            let mut chosen: Vec<usize> = order.into_iter().take(room.max(1)).collect();
            chosen.sort_unstable();
            chosen.into_iter().map(|i| &s.metrics[i]).collect()
        }
        _ => s.metrics.iter().collect(),
    };
    out.push_str("\nMetrics:\n");
    let headers: &[&str] = if narrow {
        &["Metric", "Value", "State", "Age", "Trend"]
    } else {
        &["Group", "Metric", "Value", "State", "Age", "Trend"]
    };
    let mut table = ctx.style.table(headers);
    let mut last_group = "";
    for m in &shown {
        let group = if m.group == last_group {
            ""
        } else {
            m.group.as_str()
        };
        last_group = &m.group;
        let state = match (m.at.is_none(), m.stale) {
            (true, _) => "no data",
            (_, true) => "STALE",
            _ => m.state,
        };
        let trend: String = {
            let points: Vec<char> = m.trend.chars().collect();
            points[points.len().saturating_sub(trend_points)..]
                .iter()
                .collect()
        };
        let mut row = Vec::new();
        if !narrow {
            row.push(Cell::new(group));
        }
        row.extend([
            Cell::new(&m.name),
            Cell::new(m.shown.as_deref().unwrap_or("-")),
            ctx.style.state(state, m.state),
            Cell::new(m.age_seconds.map_or("-".into(), |s| {
                ago(chrono::Duration::try_seconds(s).unwrap_or_default())
            })),
            Cell::new(trend),
        ]);
        table.add_row(row);
    }
    out.push_str(&format!("{table}\n"));
    if shown.len() < s.metrics.len() {
        let line = format!(
            "… and {} more: {}; --format json lists all",
            s.metrics.len() - shown.len(),
            hidden_by_state(&s.metrics, &shown)
        );
        out.push_str(&fit(line, columns));
        out.push('\n');
    }

    out
}
