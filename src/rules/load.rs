//! On-call health: who carried how much, and how often they were woken. Pages during sleep
//! hours are the figure teams burn out on, so each person's are counted in their own zone.

use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Tz;

use crate::rules::rotation::{Load, Override, Rotation};

/// Sleep hours: 22:00 to 07:00 on the sleeper's clock.
pub fn asleep(at: DateTime<Utc>, zone: Tz) -> bool {
    let hour = at.with_timezone(&zone).hour();
    !(7..22).contains(&hour)
}

/// One person's share of a period.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Health {
    pub person: String,
    pub hours: f64,
    pub pages: u64,
    /// Pages between 22:00 and 07:00 in their zone (the rotation's unless they name one).
    pub pages_at_night: u64,
    pub acknowledged: u64,
    /// Overrides that gave them a role in the period, and days off they took in it.
    pub overrides_taken: u64,
    pub days_off: f64,
}

/// Each member's health over `[from, to)`, given their hours on call (`rotation::load` over
/// the same stretch), the pages (when, to whom) and the acknowledgements (who, how many)
/// recorded in it.
pub fn health(
    rotation: &Rotation,
    loads: &[Load],
    overrides: &[Override],
    pages: &[(DateTime<Utc>, String)],
    acks: &[(String, u64)],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Health> {
    let zone_of = |person: &str| {
        rotation
            .member(person)
            .and_then(|m| m.zone)
            .unwrap_or(rotation.zone)
    };
    let mut out: Vec<Health> = loads
        .iter()
        .map(|l| Health {
            person: l.person.clone(),
            hours: l.hours,
            pages: 0,
            pages_at_night: 0,
            acknowledged: 0,
            overrides_taken: 0,
            days_off: 0.0,
        })
        .collect();
    let row = |out: &mut Vec<Health>, person: &str| -> usize {
        match out
            .iter()
            .position(|h| h.person.eq_ignore_ascii_case(person))
        {
            Some(i) => i,
            None => {
                out.push(Health {
                    person: person.to_string(),
                    hours: 0.0,
                    pages: 0,
                    pages_at_night: 0,
                    acknowledged: 0,
                    overrides_taken: 0,
                    days_off: 0.0,
                });
                out.len() - 1
            }
        }
    };
    for (at, person) in pages {
        let i = row(&mut out, person);
        out[i].pages += 1;
        if asleep(*at, zone_of(person)) {
            out[i].pages_at_night += 1;
        }
    }
    for (person, n) in acks {
        if rotation.member(person).is_some() {
            let i = row(&mut out, person);
            out[i].acknowledged += n;
        }
    }
    for o in rotation.time_off.iter().chain(overrides) {
        if o.removed_at.is_some() || o.to <= from || o.from >= to {
            continue;
        }
        let i = row(&mut out, &o.person);
        if o.is_time_off() {
            let overlap = o.to.min(to) - o.from.max(from);
            out[i].days_off += overlap.num_seconds() as f64 / 86_400.0;
        } else {
            out[i].overrides_taken += 1;
        }
    }
    out
}

/// Largest share of hours on call over the smallest, among those who held any: 1.0 is even.
pub fn fairness(health: &[Health]) -> Option<f64> {
    let hours: Vec<f64> = health
        .iter()
        .map(|h| h.hours)
        .filter(|h| *h > 0.0)
        .collect();
    let max = hours.iter().copied().fold(f64::NAN, f64::max);
    let min = hours.iter().copied().fold(f64::NAN, f64::min);
    (hours.len() > 1 && min > 0.0).then(|| max / min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::time::utc;

    #[test]
    fn nights_are_counted_on_the_sleepers_clock() {
        assert!(asleep(utc("2024-08-07T22:00:00Z"), chrono_tz::UTC));
        assert!(asleep(utc("2024-08-07T06:59:00Z"), chrono_tz::UTC));
        assert!(!asleep(utc("2024-08-07T07:00:00Z"), chrono_tz::UTC));
        // 21:00 UTC is 23:00 in Berlin in summer.
        assert!(asleep(
            utc("2024-08-07T21:00:00Z"),
            chrono_tz::Europe::Berlin
        ));
        let h = |hours| Health {
            person: String::new(),
            hours,
            pages: 0,
            pages_at_night: 0,
            acknowledged: 0,
            overrides_taken: 0,
            days_off: 0.0,
        };
        assert_eq!(fairness(&[h(168.0), h(126.0), h(0.0)]), Some(168.0 / 126.0));
        assert_eq!(fairness(&[h(168.0)]), None);
    }
}
