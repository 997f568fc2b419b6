//! Both backends answer every method alike: one history written to each through the same
//! calls, then every read method asked the same question of both. A divergence fails naming
//! the methods, in milliseconds, rather than as a difference in some command's output. SQLite
//! always; PostgreSQL when the suite has one (`MINDOPS_TEST_POSTGRES`, which CI sets).

use anyhow::Result;
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{
    CountBy, IncidentFilter, Location, MessageFilter, NewAction, NewIncident, NewMessage,
    NewSample, Store,
};
use crate::rules::incident::{Event, Kind};
use crate::rules::metrics::State;
use crate::rules::slo::Good;
use crate::rules::threshold::Op;

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_722_470_400, 0).unwrap() + Duration::minutes(minutes)
}

/// The same history, written through the store's own methods.
fn write(store: &mut Store) -> Result<()> {
    // A day of checks a minute apart: two metrics, a bad hour, a value missing now and then.
    let mut checks: Vec<(DateTime<Utc>, State, Vec<NewSample>)> = Vec::new();
    for m in 0..1440 {
        let bad = (600..660).contains(&m);
        let value = if m % 97 == 0 {
            None
        } else {
            Some(if bad {
                3.5
            } else {
                1.0 + (m % 7) as f64 / 10.0
            })
        };
        let state = match value {
            None => State::Unknown,
            Some(v) if v > 3.0 => State::Critical,
            Some(v) if v > 1.5 => State::Warning,
            Some(_) => State::Ok,
        };
        checks.push((
            at(m),
            state,
            vec![
                NewSample {
                    metric: "latency",
                    value,
                    state,
                    raw: state,
                },
                NewSample {
                    metric: "up",
                    value: Some(if bad { 0.0 } else { 1.0 }),
                    state: if bad { State::Critical } else { State::Ok },
                    raw: if bad { State::Critical } else { State::Ok },
                },
            ],
        ));
    }
    let borrowed: Vec<(DateTime<Utc>, State, &[NewSample])> = checks
        .iter()
        .map(|(t, s, v)| (*t, *s, v.as_slice()))
        .collect();
    store.record_checks(&borrowed)?;

    for (i, (severity, key)) in [
        ("P1", Some("metric:latency")),
        ("P3", None),
        ("P2", Some("k")),
    ]
    .into_iter()
    .enumerate()
    {
        let opened_at = at(600 + 10 * i as i64);
        let title = format!("incident {i} · ünïcode");
        let first = vec![
            Event::new(opened_at, "Ana", Kind::Opened)
                .value(severity)
                .text(Some(title.clone())),
            Event::new(opened_at, "mindops", Kind::Paged)
                .value("Felix")
                .text(Some("Primary".into())),
        ];
        let new = NewIncident {
            title: &title,
            description: (i == 1).then_some("a description"),
            severity,
            phase: "detection",
            opened_at,
            opened_by: "Ana",
            ack_due: opened_at + Duration::minutes(15),
            resolve_due: opened_at + Duration::hours(4),
            dedup_key: key,
        };
        let crate::store::Opened::New(id) = store.open_incident(&new, &first)? else {
            anyhow::bail!("incident {i} was not opened");
        };
        // What the plan of an opening is shown is the incident as stored.
        let stored = store.incident(id)?.map(|(incident, _)| incident);
        anyhow::ensure!(stored.as_ref() == Some(&new.stored(id)), "{stored:?}");
    }
    store.modify_incident(1, |inc, history| {
        let ack = crate::rules::incident::acknowledge(inc, history, at(620), "Felix")?;
        let mut seen = history.to_vec();
        seen.extend(ack.iter().cloned());
        let mut events = ack;
        events.extend(crate::rules::incident::close(
            inc,
            &seen,
            at(700),
            "Felix",
            "rolled back",
        )?);
        Ok((events, ()))
    })?;
    let action = store.add_action(
        1,
        &NewAction {
            text: "an alert",
            owner: "Felix",
            due: NaiveDate::from_ymd_opt(2024, 8, 8).unwrap(),
            by: "Felix",
            at: at(700),
        },
    )?;
    store.complete_action(action, "Felix", at(800))?;
    store.add_action(
        1,
        &NewAction {
            text: "a runbook",
            owner: "Iris",
            due: NaiveDate::from_ymd_opt(2024, 8, 1).unwrap(),
            by: "Felix",
            at: at(700),
        },
    )?;
    store.record_beat("backup", at(100))?;
    store.record_beat("backup", at(200))?;
    store.add_handover(at(300), "Felix", "quiet; Zoë takes over", &|_| Vec::new())?;
    store.add_review_note("2024-W31", "incidents", "fewer pages", "Ana", at(400))?;
    store.enqueue(
        at(610),
        &[NewMessage {
            key: "k1".into(),
            channel: "team".into(),
            topic: "page".into(),
            incident_id: Some(1),
            recipient: Some("Felix".into()),
            payload: "{}".into(),
        }],
    )?;
    Ok(())
}

type Read = (&'static str, fn(&Store) -> Result<String>);

/// Every read, as text to compare.
const READS: &[Read] = &[
    ("incident", |s| Ok(format!("{:?}", s.incident(1)?))),
    ("incidents", |s| {
        Ok(format!(
            "{:?}",
            s.incidents(&IncidentFilter {
                include_closed: true,
                ..Default::default()
            })?
        ))
    }),
    ("histories", |s| {
        Ok(format!("{:?}", s.histories(at(0), at(1440))?))
    }),
    ("each_incident", |s| {
        let mut seen = Vec::new();
        s.each_incident(
            &IncidentFilter {
                include_closed: true,
                ..Default::default()
            },
            true,
            &mut |i, p| {
                seen.push(format!("{i:?} {p:?}"));
                Ok(())
            },
        )?;
        Ok(seen.join("\n"))
    }),
    ("unclosed_incident_with_key", |s| {
        Ok(format!(
            "{:?} {:?}",
            s.unclosed_incident_with_key("k")?,
            s.unclosed_incident_with_key("metric:latency")?
        ))
    }),
    ("event_counts", |s| {
        Ok(format!(
            "{:?} {:?}",
            s.event_counts(Kind::Paged, CountBy::Value, at(0), at(1440))?,
            s.event_counts(Kind::Opened, CountBy::Actor, at(0), at(1440))?
        ))
    }),
    ("page_answers", |s| {
        Ok(format!("{:?}", s.page_answers(at(0), at(1440))?))
    }),
    ("pages_between", |s| {
        Ok(format!("{:?}", s.pages_between(at(0), at(1440))?))
    }),
    ("last_page_at", |s| Ok(format!("{:?}", s.last_page_at()?))),
    ("actions", |s| Ok(format!("{:?}", s.actions(1)?))),
    ("actions_open", |s| {
        Ok(format!(
            "{:?}",
            s.actions_open(at(1440), NaiveDate::from_ymd_opt(2024, 8, 2).unwrap())?
        ))
    }),
    ("latest_value", |s| {
        Ok(format!("{:?}", s.latest_value("latency")?))
    }),
    ("latest_sample", |s| {
        Ok(format!("{:?}", s.latest_sample("latency")?))
    }),
    ("recent_samples", |s| {
        Ok(format!("{:?}", s.recent_samples("latency", 5)?))
    }),
    ("samples_between", |s| {
        Ok(format!(
            "{:?}",
            s.samples_between("latency", at(590), at(670))?
        ))
    }),
    ("critical_since", |s| {
        Ok(format!("{:?}", s.critical_since("up")?))
    }),
    ("last_state", |s| {
        Ok(format!("{:?}", s.last_state("latency")?))
    }),
    ("first_check", |s| {
        Ok(format!("{:?}", s.first_check(at(30), at(1440))?))
    }),
    ("first_ok", |s| {
        Ok(format!("{:?}", s.first_ok("up", at(600), at(1440))?))
    }),
    ("first_and_last", |s| {
        Ok(format!(
            "{:?}",
            s.first_and_last("latency", at(0), at(1440))?
        ))
    }),
    ("metric_summary", |s| {
        Ok(format!(
            "{:?}",
            s.metric_summary("latency", at(0), at(1440))?
        ))
    }),
    ("metric_mean", |s| {
        Ok(format!("{:?}", s.metric_mean("latency", at(0), at(1440))?))
    }),
    ("metric_trend", |s| {
        Ok(format!(
            "{:?}",
            s.metric_trend("latency", at(0), at(1440), 24)?
        ))
    }),
    ("sli_steps", |s| {
        let good = Good::Compare {
            op: Op::Lt,
            value: 2.0,
        };
        let mut steps = s.sli_steps("latency", &good, at(1440), Duration::hours(1), 30)?;
        steps.sort_by_key(|(i, _)| *i);
        Ok(format!(
            "{steps:?} {:?}",
            s.sli_steps("up", &Good::State, at(1440), Duration::minutes(7), 300)?
                .len()
        ))
    }),
    ("sli_windows", |s| {
        let windows = [Duration::minutes(5), Duration::hours(1), Duration::days(3)];
        Ok(format!(
            "{:?} {:?}",
            s.sli_windows(
                "latency",
                &Good::Compare {
                    op: Op::Ge,
                    value: 1.3
                },
                at(660),
                &windows
            )?,
            s.sli_windows("up", &Good::State, at(660), &windows)?
        ))
    }),
    ("beats", |s| Ok(format!("{:?}", s.beats()?))),
    ("handovers", |s| {
        Ok(format!("{:?}", s.handovers(at(0), at(1440))?))
    }),
    ("latest_handover", |s| {
        Ok(format!("{:?}", s.latest_handover()?))
    }),
    ("handover_counts", |s| {
        Ok(format!("{:?}", s.handover_counts(at(0), at(1440))?))
    }),
    ("review_notes", |s| {
        Ok(format!("{:?}", s.review_notes("2024-W31")?))
    }),
    ("messages", |s| {
        Ok(format!(
            "{:?}",
            s.messages(&MessageFilter {
                failed_only: false,
                incident: None,
                limit: 10
            })?
        ))
    }),
    ("message_counts", |s| {
        Ok(format!("{:?}", s.message_counts()?))
    }),
    ("oldest_due_message", |s| {
        Ok(format!("{:?}", s.oldest_due_message()?))
    }),
    ("holds_data", |s| Ok(format!("{:?}", s.holds_data()?))),
];

#[test]
fn both_backends_answer_every_read_alike() {
    let Some(db) = super::test_database::TestDatabase::create("store conformance") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut sqlite = Store::open(&Location::Sqlite(dir.path().join("conformance.db"))).unwrap();
    let mut pg = Store::open(&Location::Postgres(db.url.clone())).unwrap();
    write(&mut sqlite).unwrap();
    write(&mut pg).unwrap();
    let diverged: Vec<String> = READS
        .iter()
        .filter_map(|(method, read)| {
            let (a, b) = (
                read(&sqlite).map_err(|e| format!("{e:#}")),
                read(&pg).map_err(|e| format!("{e:#}")),
            );
            (a != b).then(|| format!("{method}:\n  SQLite:     {a:?}\n  PostgreSQL: {b:?}"))
        })
        .collect();
    // The history reached both: the reads compared something.
    for (method, read) in READS
        .iter()
        .filter(|(m, _)| ["incident", "sli_windows", "actions"].contains(m))
    {
        let text = read(&sqlite).unwrap();
        assert!(
            text.len() > 40 && !text.starts_with("None"),
            "{method} read nothing: {text}"
        );
    }
    assert!(
        diverged.is_empty(),
        "the backends differ on {}",
        diverged.join("\n")
    );
}
