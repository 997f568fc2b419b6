//! Review periods: ISO weeks (`2024-W31`), months (`2024-08`) and quarters (`2024-Q3`), as
//! calendar days in the rotation's zone.

use chrono::{Datelike, NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Week,
    Month,
    Quarter,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Week => "weekly",
            Kind::Month => "monthly",
            Kind::Quarter => "quarterly",
        }
    }
}

/// `[start, end)` in days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub kind: Kind,
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// The period of `kind` that contains `day`.
    pub fn containing(kind: Kind, day: NaiveDate) -> Self {
        match kind {
            Kind::Week => {
                let week = day.iso_week();
                let start = NaiveDate::from_isoywd_opt(week.year(), week.week(), Weekday::Mon)
                    .unwrap_or(day);
                Period {
                    kind,
                    label: format!("{}-W{:02}", week.year(), week.week()),
                    start,
                    end: start
                        .checked_add_days(chrono::Days::new(7))
                        .unwrap_or(start),
                }
            }
            Kind::Month => {
                let start = day.with_day(1).unwrap_or(day);
                Period {
                    kind,
                    label: format!("{}-{:02}", day.year(), day.month()),
                    start,
                    end: add_months(start, 1),
                }
            }
            Kind::Quarter => {
                let q = (day.month() - 1) / 3;
                let start = NaiveDate::from_ymd_opt(day.year(), q * 3 + 1, 1).unwrap_or(day);
                Period {
                    kind,
                    label: format!("{}-Q{}", day.year(), q + 1),
                    start,
                    end: add_months(start, 3),
                }
            }
        }
    }

    /// The last period that has ended by `today`.
    pub fn last_complete(kind: Kind, today: NaiveDate) -> Self {
        Period::containing(kind, today).previous()
    }

    pub fn previous(&self) -> Self {
        Period::containing(self.kind, self.start.pred_opt().unwrap_or(self.start))
    }

    /// A week (`2024-W32`), a month (`2024-08`) or a quarter (`2024-Q3`), told by its form.
    pub fn any(text: &str) -> Result<Self, String> {
        let upper = text.trim().to_uppercase();
        let kind = if upper.contains("-W") {
            Kind::Week
        } else if upper.contains("-Q") {
            Kind::Quarter
        } else {
            Kind::Month
        };
        Period::parse(kind, text)
    }

    pub fn parse(kind: Kind, text: &str) -> Result<Self, String> {
        let t = text.trim();
        let bad = || {
            let example = match kind {
                Kind::Week => "2024-W31",
                Kind::Month => "2024-08",
                Kind::Quarter => "2024-Q3",
            };
            format!(
                "\"{text}\" is not a {} period; write e.g. {example}",
                kind.as_str()
            )
        };
        let (year, rest) = t.split_once('-').ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let day = match kind {
            Kind::Week => {
                let week: u32 = rest
                    .strip_prefix(['W', 'w'])
                    .ok_or_else(bad)?
                    .parse()
                    .map_err(|_| bad())?;
                NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(bad)?
            }
            Kind::Month => {
                let month: u32 = rest.parse().map_err(|_| bad())?;
                NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?
            }
            Kind::Quarter => {
                let q: u32 = rest
                    .strip_prefix(['Q', 'q'])
                    .ok_or_else(bad)?
                    .parse()
                    .map_err(|_| bad())?;
                if !(1..=4).contains(&q) {
                    return Err(bad());
                }
                NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1).ok_or_else(bad)?
            }
        };
        Ok(Period::containing(kind, day))
    }
}

fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(chrono::Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_parse_to_their_days() {
        let w = Period::parse(Kind::Week, "2024-W31").unwrap();
        assert_eq!((w.start, w.end), (d("2024-07-29"), d("2024-08-05")));
        let m = Period::parse(Kind::Month, "2024-08").unwrap();
        assert_eq!(
            (m.start, m.end, m.label.as_str()),
            (d("2024-08-01"), d("2024-09-01"), "2024-08")
        );
        let q = Period::parse(Kind::Quarter, "2024-Q3").unwrap();
        assert_eq!((q.start, q.end), (d("2024-07-01"), d("2024-10-01")));
        assert!(Period::parse(Kind::Quarter, "2024-Q5").is_err());
        assert!(Period::parse(Kind::Week, "2024-08").is_err());
    }

    #[test]
    fn the_last_complete_period_and_the_one_before() {
        let today = d("2024-08-07");
        assert_eq!(Period::last_complete(Kind::Week, today).label, "2024-W31");
        assert_eq!(Period::last_complete(Kind::Month, today).label, "2024-07");
        assert_eq!(Period::last_complete(Kind::Quarter, today).label, "2024-Q2");
        assert_eq!(
            Period::parse(Kind::Week, "2025-W01")
                .unwrap()
                .previous()
                .label,
            "2024-W52"
        );
        assert_eq!(
            Period::parse(Kind::Week, "2024-W01").unwrap().start,
            d("2024-01-01")
        );
    }
}
