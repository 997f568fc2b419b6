//! `mindops oncall load`: who carried the rotation over a period, and how often at night.

use anyhow::Result;
use chrono::NaiveTime;
use comfy_table::Cell;
use serde::Serialize;

use crate::cli::{Format, LoadArgs};
use crate::rules::load::{fairness, health, Health};
use crate::rules::period::{Kind, Period};
use crate::rules::rotation::load;
use crate::store::CountBy;
use crate::util::output::{text_width, wrap, Out};
use crate::util::time::{local_date, local_to_utc};
use crate::{exit, Context};

#[derive(Serialize)]
struct LoadJson<'a> {
    period: &'a str,
    people: &'a [Health],
    /// Largest share of hours on call over the smallest; 1.0 is even.
    fairness: Option<f64>,
}

pub fn run(ctx: &Context, args: LoadArgs) -> Result<u8> {
    let rotation = ctx.rotation()?.rotation;
    let today = local_date(rotation.zone, ctx.clock.now());
    let period = match &args.period {
        Some(text) => Period::any(text).map_err(|e| anyhow::anyhow!("--period: {e}"))?,
        None => Period::last_complete(Kind::Month, today),
    };
    let at = |day: chrono::NaiveDate| local_to_utc(rotation.zone, day.and_time(NaiveTime::MIN));
    let (from, to) = (at(period.start), at(period.end));
    let store = ctx.existing_store()?;
    let overrides = store.overrides_between(from, to)?;
    let pages = store.pages_between(from, to)?;
    let acks = store.event_counts(
        crate::rules::incident::Kind::Acknowledged,
        CountBy::Actor,
        from,
        to,
    )?;
    let loads = load(&rotation, &overrides, from, to);
    let people = health(&rotation, &loads, &overrides, &pages, &acks, from, to);
    let fair = fairness(&people);
    let mut out = Out::stdout();
    let one = |x: f64| crate::rules::units::number((x * 10.0).round() / 10.0);
    match args.format {
        Format::Json => out.json(&LoadJson {
            period: &period.label,
            people: &people,
            fairness: fair.map(|f| (f * 100.0).round() / 100.0),
        })?,
        Format::Csv | Format::Plain => {
            if args.format == Format::Csv {
                out.csv(&[
                    "person",
                    "hours",
                    "pages",
                    "pages_at_night",
                    "acknowledged",
                    "overrides_taken",
                    "days_off",
                ])?;
            }
            for p in &people {
                let fields = [
                    p.person.clone(),
                    one(p.hours),
                    p.pages.to_string(),
                    p.pages_at_night.to_string(),
                    p.acknowledged.to_string(),
                    p.overrides_taken.to_string(),
                    one(p.days_off),
                ];
                if args.format == Format::Csv {
                    out.csv(&fields)?;
                } else {
                    out.line(fields.join("\t"))?;
                }
            }
        }
        Format::Table => {
            out.line(format!(
                "On call in {} ({} to {}):",
                period.label,
                period.start,
                period.end.pred_opt().unwrap_or(period.end)
            ))?;
            let mut table = ctx.style.table(&[
                "Person",
                "Hours",
                "Pages",
                "At night",
                "Acked",
                "Overrides",
                "Days off",
            ]);
            for p in &people {
                table.add_row(vec![
                    Cell::new(&p.person),
                    Cell::new(one(p.hours)),
                    Cell::new(p.pages),
                    Cell::new(p.pages_at_night),
                    Cell::new(p.acknowledged),
                    Cell::new(p.overrides_taken),
                    Cell::new(one(p.days_off)),
                ]);
            }
            out.table(&table)?;
            let said = match fair {
                Some(f) => format!(
                    "Fairness: the largest share of hours is {f:.2} times the smallest (1.00 is \
                     even). At night: pages between 22:00 and 07:00 in each person's zone."
                ),
                None => "Fairness: fewer than two people held a role.".into(),
            };
            out.line(wrap("", &said, text_width(), 0))?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}
