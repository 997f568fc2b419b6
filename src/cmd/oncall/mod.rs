//! `mindops oncall` and its subcommands.

pub(crate) mod check;
mod export;
mod health;
mod overrides;
mod plan;
mod schedule;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::cli::{Format, OncallArgs, OncallCommand, OncallNow, Window};
use crate::config::RotationConfig;
use crate::rules::rotation::{segments, Override, Rotation, Segment};
use crate::store::HandoverNote;
use crate::util::output::{text_width, wrap, Out};
use crate::util::suggest;
use crate::util::time::{human, local_to_utc, parse_date, rfc3339};
use crate::{exit, Context};

pub fn run(ctx: &Context, args: OncallArgs) -> Result<u8> {
    match args.command {
        None => now(ctx, args.now),
        Some(OncallCommand::Schedule(a)) => schedule::run(ctx, a),
        Some(OncallCommand::Override { command }) => overrides::run(ctx, command),
        Some(OncallCommand::Off(args)) => overrides::off(ctx, args),
        Some(OncallCommand::Swap(args)) => overrides::swap(ctx, args),
        Some(OncallCommand::Plan(args)) => plan::run(ctx, args),
        Some(OncallCommand::Load(args)) => health::run(ctx, args),
        Some(OncallCommand::Export(a)) => export::run(ctx, a),
        Some(OncallCommand::Check(a)) => check::run(ctx, a),
    }
}

/// Overrides from the store that touch `[from, to)`.
fn stored_overrides(
    ctx: &Context,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Override>> {
    ctx.existing_store()?.overrides_between(from, to)
}

/// A role name as rotation.yaml spells it, or an error that lists the roles.
fn known_role<'a>(rotation: &'a Rotation, name: &str) -> Result<(usize, &'a str)> {
    match rotation.role_index(name.trim()) {
        Some(i) => Ok((i, rotation.roles[i].as_str())),
        None => anyhow::bail!(
            "unknown role \"{name}\"{}; known roles: {}",
            suggest::hint(name, rotation.roles.iter().map(String::as_str)),
            rotation.roles.join(", ")
        ),
    }
}

/// A member name as rotation.yaml spells it, or an error that lists the members.
fn known_member<'a>(rotation: &'a Rotation, name: &str) -> Result<&'a str> {
    match rotation.member(name.trim()) {
        Some(m) => Ok(m.name.as_str()),
        None => {
            let names: Vec<&str> = rotation.members.iter().map(|m| m.name.as_str()).collect();
            anyhow::bail!(
                "unknown person \"{name}\"{}; members: {}",
                suggest::hint(name, names.iter().copied()),
                names.join(", ")
            )
        }
    }
}

fn area(rotation: &Rotation, person: &str) -> String {
    rotation
        .member(person)
        .and_then(|m| m.area.clone())
        .unwrap_or_default()
}

/// The longest window `--weeks` or `--from`/`--to` may ask for.
const MAX_WEEKS: u32 = crate::cli::MAX_WEEKS;

/// `[from, to)` in UTC from `--from`, `--weeks`/`--to`; the default is four weeks from today.
fn window(
    ctx: &Context,
    rotation: &Rotation,
    w: &Window,
) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let zone = rotation.zone;
    let today = crate::util::time::local_date(zone, ctx.clock.now());
    let from = match &w.from {
        Some(text) => parse_date(text).map_err(anyhow::Error::msg)?,
        None => today,
    };
    let to = match (&w.to, w.weeks) {
        (Some(text), _) => {
            let to = parse_date(text).map_err(anyhow::Error::msg)?;
            if to < from {
                anyhow::bail!("--to {to} is before --from {from}");
            }
            // The same ten years as --weeks allows: a window is for people to read.
            if (to - from).num_weeks() >= i64::from(MAX_WEEKS) {
                anyhow::bail!(
                    "--from {from} to --to {to} is more than {MAX_WEEKS} weeks; ask for a shorter stretch"
                );
            }
            to.succ_opt().unwrap_or(to)
        }
        (None, weeks) => from
            .checked_add_days(chrono::Days::new(7 * u64::from(weeks.unwrap_or(4))))
            .unwrap_or(NaiveDate::MAX),
    };
    if to.year() > crate::util::time::LAST_YEAR {
        anyhow::bail!(
            "the window from {from} runs past the end of {}; ask for fewer weeks",
            crate::util::time::LAST_YEAR
        );
    }
    let midnight = |d| local_to_utc(zone, chrono::NaiveDateTime::new(d, NaiveTime::MIN));
    Ok((midnight(from), midnight(to)))
}

/// What schedule and export look at: the rotation, the window, the one person asked about,
/// and the overrides in the window.
struct View {
    rotation: Rotation,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    person: Option<String>,
    overrides: Vec<Override>,
}

impl View {
    fn new(ctx: &Context, w: &Window, person: Option<&str>) -> Result<Self> {
        let rotation = ctx.rotation()?.rotation;
        let (from, to) = window(ctx, &rotation, w)?;
        let person = person
            .map(|p| known_member(&rotation, p).map(str::to_string))
            .transpose()?;
        let overrides = stored_overrides(ctx, from, to)?;
        Ok(View {
            rotation,
            from,
            to,
            person,
            overrides,
        })
    }

    fn wants(&self, seg: &Segment) -> bool {
        self.person
            .as_deref()
            .is_none_or(|p| seg.person.eq_ignore_ascii_case(p))
    }
}

/// One role's holder over a stretch of time, as every output format shows it.
#[derive(Debug, Serialize)]
struct Assignment {
    role: String,
    person: String,
    area: String,
    #[serde(rename = "override")]
    is_override: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    override_id: Option<i64>,
    /// Why someone else holds the role: `Felix is off (conference)`, `moved up`.
    #[serde(skip_serializing_if = "Option::is_none")]
    cover: Option<String>,
    from: String,
    until: String,
}

impl Assignment {
    const CSV_HEADER: [&'static str; 6] = ["role", "person", "area", "override", "from", "until"];

    fn csv(self) -> Vec<String> {
        vec![
            self.role,
            self.person,
            self.area,
            self.is_override.to_string(),
            self.from,
            self.until,
        ]
    }

    fn new(rotation: &Rotation, seg: &Segment) -> Self {
        Assignment {
            role: rotation.roles[seg.role].clone(),
            person: seg.person.clone(),
            area: area(rotation, &seg.person),
            is_override: seg.override_id.is_some(),
            override_id: seg.override_id,
            cover: seg.cover.clone(),
            from: rfc3339(seg.from),
            until: rfc3339(seg.to),
        }
    }
}

#[derive(Debug, Serialize)]
struct ShiftJson {
    number: u64,
    start: String,
    end: String,
}

#[derive(Serialize)]
struct NowJson {
    at: String,
    shift: ShiftJson,
    assignments: Vec<Assignment>,
    /// Roles nobody holds at that instant (their holder off, nobody to cover).
    gaps: Vec<String>,
    /// Handover notes written since the shift began.
    handover: Vec<HandoverNote>,
}

/// `mindops oncall`: who holds each role at one instant.
fn now(ctx: &Context, args: OncallNow) -> Result<u8> {
    let RotationConfig { rotation, .. } = ctx.rotation()?;
    let zone: Tz = ctx.zone(&rotation);
    let (at, shift) = match (&args.at, &args.date) {
        (Some(text), _) => {
            let at = crate::util::time::parse_instant(text, rotation.zone, ctx.clock.now())
                .map_err(anyhow::Error::msg)?;
            let shift = rotation
                .shift_at(at)
                .with_context(|| format!("no shift covers {}", rfc3339(at)))?;
            (at, shift)
        }
        (None, Some(text)) => {
            let date = parse_date(text).map_err(anyhow::Error::msg)?;
            let shift = rotation
                .shift_on(date)
                .with_context(|| format!("no shift covers {date}"))?;
            let noon = local_to_utc(
                rotation.zone,
                date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)),
            );
            (
                noon.clamp(
                    shift.start,
                    crate::util::time::earlier(shift.end, Duration::seconds(1)),
                ),
                shift,
            )
        }
        (None, None) => {
            let at = ctx.clock.now();
            (at, rotation.shift_at(at)?)
        }
    };
    let only = args
        .role
        .as_deref()
        .map(|r| known_role(&rotation, r).map(|(i, _)| i))
        .transpose()?;
    let store = ctx.existing_store()?;
    let overrides = store.overrides_between(shift.start, shift.end)?;
    let handover_since = rotation.handover_since(&shift);
    let handover = store.handovers(
        handover_since,
        crate::util::time::later(at, Duration::seconds(1)),
    )?;
    let held: Vec<Segment> = (0..rotation.roles.len())
        .filter(|r| only.is_none_or(|o| o == *r))
        .filter_map(|role| {
            segments(&rotation, &overrides, role, shift.start, shift.end)
                .into_iter()
                .find(|s| s.from <= at && at < s.to)
        })
        .collect();
    let gaps: Vec<String> = (0..rotation.roles.len())
        .filter(|r| only.is_none_or(|o| o == *r) && !held.iter().any(|s| s.role == *r))
        .map(|r| rotation.roles[r].clone())
        .collect();

    let mut out = Out::stdout();
    match args.format {
        Format::Plain => {
            for seg in &held {
                out.line(&seg.person)?;
            }
        }
        Format::Json => out.json(&NowJson {
            at: rfc3339(at),
            shift: ShiftJson {
                number: shift.number,
                start: rfc3339(shift.start),
                end: rfc3339(shift.end),
            },
            assignments: held.iter().map(|s| Assignment::new(&rotation, s)).collect(),
            gaps: gaps.clone(),
            handover,
        })?,
        Format::Csv => {
            out.csv(&Assignment::CSV_HEADER)?;
            for seg in &held {
                out.csv(&Assignment::new(&rotation, seg).csv())?;
            }
        }
        Format::Table => {
            out.line(format!(
                "Shift {} · {} → {}",
                shift.number,
                human(shift.start, zone),
                human(shift.end, zone)
            ))?;
            let mut table = ctx
                .style
                .table(&["Role", "Person", "Area", "From", "Until"]);
            for seg in &held {
                let person = match (&seg.cover, seg.override_id) {
                    (Some(cover), _) => ctx.style.marked(format!("{} ({cover})", seg.person)),
                    (None, Some(_)) => ctx.style.marked(format!("{} (override)", seg.person)),
                    (None, None) => comfy_table::Cell::new(&seg.person),
                };
                table.add_row(vec![
                    comfy_table::Cell::new(&rotation.roles[seg.role]),
                    person,
                    comfy_table::Cell::new(area(&rotation, &seg.person)),
                    comfy_table::Cell::new(human(seg.from, zone)),
                    comfy_table::Cell::new(human(seg.to, zone)),
                ]);
            }
            out.table(&table)?;
            for role in &gaps {
                out.line(format!(
                    "{role}: nobody (someone is off and nobody is left to cover; pages go to \
                     the next role)"
                ))?;
            }
            if !handover.is_empty() {
                let width = text_width();
                let heading = format!(
                    "Handover notes since the previous handoff ({}):",
                    human(handover_since, zone)
                );
                out.line(wrap("", &heading, width, 2))?;
                for n in &handover {
                    let prefix = format!("  {}  {}: ", human(n.at, zone), n.author);
                    out.line(wrap(&prefix, &n.text, width, 4))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}
