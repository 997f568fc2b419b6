//! A report as one self-contained HTML page: no scripts, fonts or images from anywhere, charts
//! drawn as inline SVG, laid out to print. The markup is well-formed XML, so any XML parser
//! reads it.

use std::fmt::Write as _;

use super::rows::{
    agenda, breaches, checklist_days, checklist_people, closed_without_review, fairness,
    growth_line, handovers, meta, metric_table, more_breaches, overview, pages, percent, shifts,
    sla, slo_table, title, trends, Rows,
};
use crate::ops::report::{MetricRow, Report, SloRow};

const STYLE: &str = "
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d232b; margin: 2rem auto; max-width: 1040px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #d8dee6; padding-bottom: .2rem; margin-top: 2rem; }
.meta { color: #5a6672; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #e3e8ee; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; }
td.num { text-align: right; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: .8rem; }
figure { margin: 0; border: 1px solid #e3e8ee; border-radius: 6px; padding: .4rem .6rem; }
figure.wide { grid-column: 1 / -1; }
figcaption { font-weight: 600; font-size: .9rem; }
svg text { font: 10px system-ui, sans-serif; fill: #5a6672; }
.line { fill: none; stroke: #2f6fb3; stroke-width: 2; }
line.target { stroke: #2e8b57; stroke-dasharray: 4 3; } line.alert { stroke: #c0392b; stroke-dasharray: 4 3; }
text.target { fill: #2e8b57; } text.alert { fill: #c0392b; }
.band { fill: #2f6fb3; opacity: .18; stroke: none; }
.state-ok { fill: #2e8b57; } .state-failed { fill: #c0392b; } .state-mixed { fill: #e0a526; }
.sev-0 { fill: #c0392b; } .sev-1 { fill: #e67e22; } .sev-2 { fill: #f1c40f; } .sev-3 { fill: #7f8c8d; } .sev-4 { fill: #95a5a6; }
.ack { fill: #2f6fb3; } .resolve { fill: #2e8b57; }
.legend span { margin-right: 1rem; font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  section, figure, table { break-inside: avoid; }
  h2 { break-after: avoid; }
}";

/// An axis or line label: three significant digits are plenty on a chart.
fn label(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return crate::rules::units::number(v);
    }
    let digits = (2 - v.abs().log10().floor() as i32).max(0);
    let scale = 10f64.powi(digits);
    crate::rules::units::number((v * scale).round() / scale)
}

use crate::util::output::html_escape as esc;

fn table(out: &mut String, t: &Rows) {
    out.push_str("<table><thead><tr>");
    for h in &t.headers {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if i > 0
                && cell.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
            {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", esc(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
}

/// A metric's trend over the period with its target and alert lines.
fn metric_chart(m: &MetricRow) -> String {
    if m.status {
        return status_strip(m);
    }
    let (w, h, pad) = (300.0, 110.0, 22.0);
    let at = |i: usize, values: &[Option<f64>]| values.get(i).copied().flatten();
    let points: Vec<(usize, f64)> = m
        .trend
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    let mut all: Vec<f64> = points.iter().map(|(_, v)| *v).collect();
    all.extend(m.trend_min.iter().flatten());
    all.extend(m.trend_max.iter().flatten());
    all.extend(&m.target_lines);
    all.extend(&m.alert_lines);
    let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if !lo.is_finite() {
        (0.0, 1.0)
    } else if hi - lo < 1e-9 {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo, hi)
    };
    let n = m.trend.len().max(2) as f64 - 1.0;
    let x = |i: usize| pad + (w - 2.0 * pad) * i as f64 / n;
    let y = |v: f64| h - pad - (h - 2.0 * pad) * (v - lo) / (hi - lo);
    let mut svg = format!(
        "<svg class=\"chart chart-metric\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\"><title>{}: mean, and the band from least to most, over the period</title>",
        esc(&m.label)
    );
    // Runs of points with data: gaps in the record break the band and the line.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for (i, _) in &points {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|l| l + 1 == *i) => run.push(*i),
            _ => runs.push(vec![*i]),
        }
    }
    for run in &runs {
        let top: Vec<String> = run
            .iter()
            .filter_map(|i| at(*i, &m.trend_max).map(|v| format!("{:.1},{:.1}", x(*i), y(v))))
            .collect();
        let bottom: Vec<String> = run
            .iter()
            .rev()
            .filter_map(|i| at(*i, &m.trend_min).map(|v| format!("{:.1},{:.1}", x(*i), y(v))))
            .collect();
        if run.len() > 1 && !top.is_empty() {
            let _ = write!(
                svg,
                "<polygon class=\"band\" points=\"{} {}\"/>",
                top.join(" "),
                bottom.join(" ")
            );
        } else if let (Some(high), Some(low)) = (at(run[0], &m.trend_max), at(run[0], &m.trend_min))
        {
            // A lone point's band is a bar.
            let _ = write!(
                svg,
                "<rect class=\"band\" x=\"{:.1}\" y=\"{:.1}\" width=\"4\" height=\"{:.1}\"/>",
                x(run[0]) - 2.0,
                y(high),
                (y(low) - y(high)).max(1.0)
            );
        }
        let line: Vec<String> = run
            .iter()
            .filter_map(|i| at(*i, &m.trend).map(|v| format!("{:.1},{:.1}", x(*i), y(v))))
            .collect();
        if line.len() > 1 {
            let _ = write!(
                svg,
                "<polyline class=\"line\" points=\"{}\"/>",
                line.join(" ")
            );
        } else if let Some(p) = line.first() {
            let (px, py) = p.split_once(',').unwrap_or(("0", "0"));
            let _ = write!(
                svg,
                "<circle class=\"line\" cx=\"{px}\" cy=\"{py}\" r=\"2\"/>"
            );
        }
    }
    // Threshold labels sit by their line, moved apart where two would overlap, and clear
    // of the axis labels at the top and bottom.
    let mut labels: Vec<(f64, &str, f64)> = Vec::new();
    for (class, values) in [("target", &m.target_lines), ("alert", &m.alert_lines)] {
        for v in values {
            let _ = write!(
                svg,
                "<line class=\"{class}\" x1=\"{pad}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\"/>",
                w - pad,
                y(*v),
                y(*v)
            );
            labels.push((y(*v) - 2.0, class, *v));
        }
    }
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Down the chart, each at least a line below the one above; then up from the bottom
    // edge, each at least a line above the one below.
    let mut floor = pad + 8.0;
    for l in labels.iter_mut() {
        l.0 = l.0.max(floor);
        floor = l.0 + 10.0;
    }
    let mut ceiling = h - pad - 12.0;
    for l in labels.iter_mut().rev() {
        l.0 = l.0.min(ceiling);
        ceiling = l.0 - 10.0;
    }
    for (ly, class, v) in labels {
        let _ = write!(
            svg,
            "<text class=\"{class}\" x=\"{}\" y=\"{ly:.1}\">{class} {}</text>",
            w - pad - 80.0,
            esc(&label(v))
        );
    }
    let _ = write!(
        svg,
        "<text x=\"2\" y=\"{:.1}\">{}</text><text x=\"2\" y=\"{:.1}\">{}</text></svg>",
        pad - 4.0,
        esc(&label(hi)),
        h - pad + 12.0,
        esc(&label(lo))
    );
    svg
}

/// An SLO's burn-down: the share of its budget left at each day's end, from 100 % at the top
/// to the lowest it reached (or 0 %) at the bottom, with 0 % marked where it is in view.
fn burn_down(slo: &SloRow) -> String {
    let (w, h, pad) = (300.0, 120.0, 30.0);
    let points: Vec<(usize, f64)> = slo
        .burn_down
        .iter()
        .enumerate()
        .filter_map(|(i, (_, left))| left.map(|v| (i, v)))
        .collect();
    let low = points.iter().map(|p| p.1).fold(0.0_f64, f64::min);
    let (top, bottom) = (1.0_f64, low);
    let n = slo.burn_down.len().max(2) as f64 - 1.0;
    let x = |i: usize| pad + (w - 2.0 * pad) * i as f64 / n;
    let y = |v: f64| 8.0 + (h - 26.0) * (top - v) / (top - bottom).max(1e-9);
    let mut svg = format!(
        "<svg class=\"chart chart-budget\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\"><title>{}: error budget left at the end of each day</title>",
        esc(&slo.name)
    );
    let _ = write!(
        svg,
        "<line class=\"alert\" x1=\"{pad}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/>",
        w - pad,
        y(0.0),
        y(0.0)
    );
    if !points.is_empty() {
        let line: Vec<String> = points
            .iter()
            .map(|&(i, v)| format!("{:.1},{:.1}", x(i), y(v)))
            .collect();
        let _ = write!(
            svg,
            "<polyline class=\"line\" points=\"{}\"/>",
            line.join(" ")
        );
    }
    let _ = write!(
        svg,
        "<text x=\"2\" y=\"{:.1}\">100%</text><text x=\"2\" y=\"{:.1}\">{}%</text></svg>",
        y(1.0) + 3.0,
        y(bottom) + 3.0,
        label(bottom * 100.0)
    );
    svg
}

/// An ok/failed metric as a strip of its states: green where every sample was ok, red where
/// every one failed, amber where both, blank where nothing was recorded.
fn status_strip(m: &MetricRow) -> String {
    let (w, h, pad) = (300.0, 46.0, 22.0);
    let n = m.trend.len().max(1) as f64;
    let step = (w - 2.0 * pad) / n;
    let mut svg = format!(
        "<svg class=\"chart chart-status\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\"><title>{}: ok or failed over the period</title>",
        esc(&m.label)
    );
    for i in 0..m.trend.len() {
        let low = m.trend_min.get(i).copied().flatten();
        let high = m.trend_max.get(i).copied().flatten();
        let class = match (low, high) {
            (Some(l), _) if l >= 1.0 => "ok",
            (_, Some(h)) if h <= 0.0 => "failed",
            (Some(_), Some(_)) => "mixed",
            _ => continue,
        };
        let _ = write!(
            svg,
            "<rect class=\"state-{class}\" x=\"{:.1}\" y=\"8\" width=\"{:.1}\" height=\"18\"/>",
            pad + step * i as f64,
            (step - 1.0).max(1.0)
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{pad}\" y=\"40\">ok</text><text x=\"{:.1}\" y=\"40\">failed</text><text x=\"{:.1}\" y=\"40\">both</text></svg>",
        pad + 40.0,
        pad + 100.0
    );
    svg
}

fn incidents_chart(r: &Report) -> String {
    let severities: Vec<&String> = r
        .incidents_per_week
        .first()
        .map(|w| w.by_severity.keys().collect())
        .unwrap_or_default();
    let (w, h, pad) = (640.0, 160.0, 24.0);
    let max = r
        .incidents_per_week
        .iter()
        .flat_map(|wk| wk.by_severity.values())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let group = (w - 2.0 * pad) / r.incidents_per_week.len().max(1) as f64;
    let bar = (group * 0.8 / severities.len().max(1) as f64).max(1.0);
    let mut svg = format!(
        "<svg class=\"chart chart-incidents\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\"><title>Incidents per severity per week</title>"
    );
    for (i, week) in r.incidents_per_week.iter().enumerate() {
        for (s, sev) in severities.iter().enumerate() {
            let n = week.by_severity.get(*sev).copied().unwrap_or(0) as f64;
            let bh = (h - 2.0 * pad) * n / max;
            let _ = write!(
                svg,
                "<rect class=\"sev-{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"><title>{} {}: {}</title></rect>",
                s.min(4),
                pad + group * i as f64 + bar * s as f64,
                h - pad - bh,
                bar,
                bh,
                esc(&week.week_start),
                esc(sev),
                n
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            pad + group * i as f64,
            h - 8.0,
            esc(&week.week_start[5..])
        );
    }
    let _ = write!(
        svg,
        "<text x=\"2\" y=\"{:.1}\">{}</text></svg>",
        pad - 6.0,
        max
    );
    svg
}

fn sla_chart(r: &Report) -> String {
    let rows = &r.incidents.by_severity;
    let (w, row_h, pad) = (640.0, 26.0, 70.0);
    let h = row_h * rows.len().max(1) as f64 + 20.0;
    let mut svg = format!(
        "<svg class=\"chart chart-sla\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\"><title>SLA compliance per severity</title>"
    );
    for (i, s) in rows.iter().enumerate() {
        let top = 10.0 + row_h * i as f64;
        let _ = write!(
            svg,
            "<text x=\"4\" y=\"{:.1}\">{}</text>",
            top + 14.0,
            esc(&s.severity)
        );
        for (j, (class, v)) in [("ack", s.ack_sla_pct), ("resolve", s.resolve_sla_pct)]
            .into_iter()
            .enumerate()
        {
            let width = (w - pad - 60.0) * v.unwrap_or(0.0) / 100.0;
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{pad}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                top + 11.0 * j as f64,
                width,
                pad + width + 4.0,
                top + 11.0 * j as f64 + 9.0,
                esc(&percent(v))
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

pub fn render(r: &Report) -> String {
    let title = title(r);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>{}</title><style>{STYLE}</style></head><body>\n",
        esc(&title)
    );
    let _ = writeln!(
        out,
        "<h1>{}</h1><p class=\"meta\">{}</p>",
        esc(&title),
        esc(&meta(r))
    );

    out.push_str("<section id=\"agenda\"><h2>Agenda</h2>");
    for item in agenda(r) {
        let _ = write!(
            out,
            "<h3>{}</h3><p class=\"meta\">{}</p>",
            esc(&item.heading),
            esc(&item.figures)
        );
        if item.notes.is_empty() {
            out.push_str("<p>No notes yet.</p>");
        } else {
            out.push_str("<ul>");
            for n in &item.notes {
                let _ = write!(out, "<li>{}</li>", esc(n));
            }
            out.push_str("</ul>");
        }
    }
    out.push_str("</section>\n");
    out.push_str("<section id=\"incidents\"><h2>Incidents</h2>");
    table(&mut out, &overview(r));
    out.push_str("<div class=\"charts\"><figure class=\"wide\"><figcaption>Incidents per severity per week</figcaption>");
    out.push_str(&incidents_chart(r));
    out.push_str("<div class=\"legend\">");
    for (n, sev) in r.incidents.by_severity.iter().enumerate() {
        let _ = write!(
            out,
            "<span><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect class=\"sev-{}\" width=\"10\" height=\"10\"/></svg> {}</span>",
            n.min(4),
            esc(&sev.severity)
        );
    }
    out.push_str("</div></figure><figure class=\"wide\"><figcaption>SLA compliance: acknowledged (blue) and resolved (green) in time</figcaption>");
    out.push_str(&sla_chart(r));
    out.push_str("</figure></div>");
    table(&mut out, &sla(r));
    out.push_str("<h3>Breaches</h3>");
    table(&mut out, &breaches(r));
    if let Some(more) = more_breaches(r) {
        let _ = write!(out, "<p>{}</p>", esc(&more));
    }
    let _ = writeln!(out, "<p>{}</p></section>", esc(&closed_without_review(r)));

    out.push_str("<section id=\"metrics\"><h2>Metrics</h2><div class=\"charts\">");
    for m in &r.metrics {
        let _ = write!(
            out,
            "<figure><figcaption>{} <small>(target {}, alert {})</small></figcaption>{}</figure>",
            esc(&m.label),
            esc(m.target.as_deref().unwrap_or("-")),
            esc(m.alert.as_deref().unwrap_or("-")),
            metric_chart(m)
        );
    }
    out.push_str("</div>");
    table(&mut out, &metric_table(r, false));
    if !r.slos.is_empty() {
        out.push_str("<h3>Error budgets</h3><div class=\"charts\">");
        for slo in &r.slos {
            let _ = write!(
                out,
                "<figure><figcaption>{} <small>(budget left over {}, by day)</small></figcaption>{}</figure>",
                esc(&slo.name),
                esc(&slo.window),
                burn_down(slo)
            );
        }
        out.push_str("</div>");
        table(&mut out, &slo_table(r));
    }
    out.push_str("</section>\n");

    if let Some(g) = &r.growth {
        let _ = write!(
            out,
            "<section id=\"growth\"><h2>Growth</h2><p>{}</p><h3>Engagement</h3>",
            esc(&growth_line(g))
        );
        table(&mut out, &trends(&g.engagement));
        out.push_str("<h3>Feature adoption</h3>");
        table(&mut out, &trends(&g.feature_adoption));
        out.push_str("</section>\n");
    }
    out.push_str("<section id=\"support\"><h2>Support</h2>");
    table(&mut out, &trends(&r.support));
    out.push_str("</section>\n");

    let t = &r.team;
    out.push_str("<section id=\"team\"><h2>Team</h2><h3>Shifts</h3>");
    table(&mut out, &shifts(t));
    if let Some(line) = fairness(t) {
        let _ = write!(out, "<p>{}</p>", esc(&line));
    }
    out.push_str("<h3>Pages and acknowledgements</h3>");
    table(&mut out, &pages(t));
    let _ = write!(
        out,
        "<h3>Checklist</h3><p>Completion: {}%.</p>",
        crate::rules::units::number(t.checklist_rate)
    );
    table(&mut out, &checklist_people(t));
    table(&mut out, &checklist_days(t));
    out.push_str("<h3>Handover notes</h3>");
    table(&mut out, &handovers(t));
    out.push_str("</section>\n</body></html>\n");
    out
}
