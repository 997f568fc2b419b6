//! When a severity pages: the hours of the week in the rotation's zone (P3 in business hours,
//! say). An incident opened outside them waits for their next start. Pure, time passed in.

use chrono::{DateTime, Datelike, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::util::time::{local_date, local_to_utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hours {
    /// The days they hold on, Monday first.
    pub days: Vec<Weekday>,
    /// Wall-clock start and end in `zone`; the end is not included.
    pub from: NaiveTime,
    pub to: NaiveTime,
    pub zone: Tz,
}

impl Hours {
    /// `t` if it falls within the hours, else the start of the next stretch of them.
    pub fn next_open(&self, t: DateTime<Utc>) -> DateTime<Utc> {
        let today = local_date(self.zone, t);
        // A week and a day ahead always holds a day of the week named (validation keeps the
        // list from being empty).
        for ahead in 0..=7 {
            let Some(day) = today.checked_add_days(chrono::Days::new(ahead)) else {
                break;
            };
            if !self.days.contains(&day.weekday()) {
                continue;
            }
            let open = local_to_utc(self.zone, day.and_time(self.from));
            let close = local_to_utc(self.zone, day.and_time(self.to));
            if t < close {
                return open.max(t);
            }
        }
        t
    }
}

/// `mon-fri`, `sat-sun`, `mon,wed,fri`, `mon-wed,fri`: the days named, Monday first.
pub fn parse_days(text: &str) -> Result<Vec<Weekday>, String> {
    let day = |name: &str| -> Result<Weekday, String> {
        name.trim().parse::<Weekday>().map_err(|_| {
            format!(
                "\"{}\" is not a day; write e.g. mon-fri or mon,wed,fri",
                name.trim()
            )
        })
    };
    let mut days = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((first, last)) => {
                let (mut d, last) = (day(first)?, day(last)?);
                days.push(d);
                while d != last {
                    d = d.succ();
                    days.push(d);
                }
            }
            None => days.push(day(part)?),
        }
    }
    if days.is_empty() {
        return Err("name at least one day, e.g. mon-fri".into());
    }
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    Ok(days)
}

/// When an incident of a severity with these hours, opened at `at`, starts paging.
pub fn pages_from(hours: Option<&Hours>, at: DateTime<Utc>) -> DateTime<Utc> {
    hours.map_or(at, |h| h.next_open(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::time::utc;

    fn business() -> Hours {
        Hours {
            days: parse_days("mon-fri").unwrap(),
            from: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            to: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            zone: chrono_tz::Europe::Berlin,
        }
    }

    #[test]
    fn outside_business_hours_paging_waits_for_the_next_morning() {
        let h = business();
        // Wednesday 10:00 in Berlin (08:00 UTC): within.
        assert_eq!(
            h.next_open(utc("2024-08-07T08:00:00Z")),
            utc("2024-08-07T08:00:00Z")
        );
        // Wednesday 18:00 Berlin: Thursday 09:00 Berlin.
        assert_eq!(
            h.next_open(utc("2024-08-07T16:00:00Z")),
            utc("2024-08-08T07:00:00Z")
        );
        // Friday 17:00 Berlin exactly (the end is not included): Monday 09:00.
        assert_eq!(
            h.next_open(utc("2024-08-09T15:00:00Z")),
            utc("2024-08-12T07:00:00Z")
        );
        // Monday 07:00 Berlin: 09:00 that day.
        assert_eq!(
            h.next_open(utc("2024-08-12T05:00:00Z")),
            utc("2024-08-12T07:00:00Z")
        );
        assert_eq!(
            parse_days("sat-sun,wed").unwrap(),
            [Weekday::Wed, Weekday::Sat, Weekday::Sun]
        );
        assert_eq!(parse_days("fri-mon").unwrap().len(), 4);
        assert!(parse_days("funday").is_err());
    }
}
