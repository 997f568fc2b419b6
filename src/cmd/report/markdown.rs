//! A report as Markdown: what a review meeting reads.

use std::fmt::Write as _;

use super::rows::{
    agenda, breaches, checklist_days, checklist_people, closed_without_review, fairness,
    growth_line, handovers, meta, metric_table, more_breaches, overview, pages, shifts, sla,
    slo_table, title, trends, Rows,
};
use crate::ops::report::Report;

fn table(md: &mut String, t: &Rows) {
    let cell = |text: &str| text.replace('|', "\\|");
    let _ = writeln!(
        md,
        "| {} |",
        t.headers
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(md, "|{}", "---|".repeat(t.headers.len()));
    for row in &t.rows {
        let _ = writeln!(
            md,
            "| {} |",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    md.push('\n');
}

pub fn render(r: &Report) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n\n{}\n", title(r), meta(r));

    let _ = writeln!(md, "## Agenda\n");
    for item in agenda(r) {
        let _ = writeln!(md, "### {}\n\n{}\n", item.heading, item.figures);
        if item.notes.is_empty() {
            let _ = writeln!(md, "No notes yet.\n");
        } else {
            for n in &item.notes {
                let _ = writeln!(md, "- {n}");
            }
            md.push('\n');
        }
    }

    let _ = writeln!(md, "## Incidents\n");
    table(&mut md, &overview(r));
    let _ = writeln!(md, "### SLA compliance\n");
    table(&mut md, &sla(r));
    let _ = writeln!(md, "### Breaches\n");
    if r.incidents.breaches.is_empty() {
        let _ = writeln!(md, "None.\n");
    } else {
        table(&mut md, &breaches(r));
    }
    if let Some(more) = more_breaches(r) {
        let _ = writeln!(md, "{more}\n");
    }
    let _ = writeln!(md, "{}\n", closed_without_review(r));

    let _ = writeln!(md, "## Metrics\n");
    table(&mut md, &metric_table(r, true));
    if !r.slos.is_empty() {
        let _ = writeln!(md, "### Error budgets\n");
        table(&mut md, &slo_table(r));
    }

    if let Some(g) = &r.growth {
        let _ = writeln!(md, "## Growth\n\n{}\n\n### Engagement\n", growth_line(g));
        table(&mut md, &trends(&g.engagement));
        let _ = writeln!(md, "### Feature adoption\n");
        table(&mut md, &trends(&g.feature_adoption));
    }

    let _ = writeln!(md, "## Support\n");
    table(&mut md, &trends(&r.support));

    let t = &r.team;
    let _ = writeln!(md, "## Team\n\n### Shifts\n");
    table(&mut md, &shifts(t));
    if let Some(line) = fairness(t) {
        let _ = writeln!(md, "{line}\n");
    }
    let _ = writeln!(md, "### Pages and acknowledgements\n");
    table(&mut md, &pages(t));
    let _ = writeln!(
        md,
        "### Checklist\n\nCompletion: {}%.\n",
        crate::rules::units::number(t.checklist_rate)
    );
    table(&mut md, &checklist_days(t));
    table(&mut md, &checklist_people(t));
    let _ = writeln!(md, "### Handover notes\n");
    table(&mut md, &handovers(t));
    md.truncate(md.trim_end().len());
    md.push('\n');
    md
}
