//! Reading and showing times: the forms people type, wall-clock conversion in a zone, and the
//! one way each kind of output prints an instant.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat,
    TimeZone, Utc,
};
use chrono_tz::Tz;

/// The years mindops works in. A date or time outside them is refused where it is read, so no
/// later step meets the edge of chrono's calendar (where arithmetic overflows).
pub const FIRST_YEAR: i32 = 1970;
pub const LAST_YEAR: i32 = 9999;

fn in_years(date: NaiveDate, text: &str) -> Result<(), String> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(format!(
            "\"{}\" is outside the years mindops works with ({FIRST_YEAR} to {LAST_YEAR})",
            text.trim()
        ))
    }
}

/// A calendar date as `YYYY-MM-DD`, in [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date; write YYYY-MM-DD, e.g. 2024-08-07"))?;
    in_years(date, text)?;
    Ok(date)
}

/// `t + d`, held at the ends of the calendar rather than overflowing. With every input inside
/// [`FIRST_YEAR`]..=[`LAST_YEAR`] it never is held; it is the guard for when one is not.
pub fn later(t: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
    t.checked_add_signed(d).unwrap_or(if d < Duration::zero() {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// `t - d`, held at the ends of the calendar rather than overflowing.
pub fn earlier(t: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
    t.checked_sub_signed(d).unwrap_or(if d < Duration::zero() {
        DateTime::<Utc>::MAX_UTC
    } else {
        DateTime::<Utc>::MIN_UTC
    })
}

/// An instant from text, refused outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn checked_instant(t: DateTime<Utc>, text: &str) -> Result<DateTime<Utc>, String> {
    in_years(t.date_naive(), text)?;
    Ok(t)
}

/// A wall-clock time of day as `HH:MM`.
pub fn parse_time_of_day(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("\"{text}\" is not a time of day; write HH:MM, e.g. 09:00"))
}

pub fn parse_zone(text: &str) -> Result<Tz, String> {
    text.trim().parse::<Tz>().map_err(|_| {
        let hint =
            crate::util::suggest::hint(text, chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()));
        format!("unknown time zone \"{text}\"{hint}; use an IANA name such as UTC or Europe/Berlin")
    })
}

/// An instant as a person gives it: `now`, RFC 3339, or a local date or date and time in `zone`.
pub fn parse_instant(text: &str, zone: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Ok(instant) = DateTime::parse_from_rfc3339(t) {
        return checked_instant(instant.with_timezone(&Utc), text);
    }
    for form in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(t, form) {
            in_years(local.date(), text)?;
            return Ok(local_to_utc(zone, local));
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        in_years(date, text)?;
        return Ok(local_to_utc(zone, date.and_time(NaiveTime::MIN)));
    }
    Err(format!(
        "\"{text}\" is not a time; write now, RFC 3339 (2024-08-07T10:00:00Z), \
         YYYY-MM-DD or YYYY-MM-DDTHH:MM in the rotation's zone"
    ))
}

/// The instant a wall-clock time happens in `zone`. A time skipped by a DST jump happens when
/// the clocks land after the gap; a time that happens twice counts at its first occurrence.
pub fn local_to_utc(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // A gap lasts at most a few hours: the first minute that exists is where it ends.
            let mut probe = local;
            for _ in 0..(24 * 60) {
                probe = match probe.checked_add_signed(Duration::minutes(1)) {
                    Some(next) => next,
                    None => break,
                };
                if let Some(t) = zone.from_local_datetime(&probe).earliest() {
                    return t.with_timezone(&Utc);
                }
            }
            Utc.from_utc_datetime(&local)
        }
    }
}

/// The calendar date of an instant in `zone`.
pub fn local_date(zone: Tz, t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&zone).date_naive()
}

/// For JSON and CSV: RFC 3339 in UTC, second precision, `Z` suffix.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// [`rfc3339`] for a serde field, written without an allocation: a JSON listing holds five of
/// them per incident.
pub fn serde_rfc3339<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    match rfc3339_fixed(*t) {
        Some(bytes) => s.serialize_str(std::str::from_utf8(&bytes).unwrap_or_default()),
        None => s.serialize_str(&rfc3339(*t)),
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` for years 0 to 9999, the same text [`rfc3339`] gives.
fn rfc3339_fixed(t: DateTime<Utc>) -> Option<[u8; 20]> {
    use chrono::{Datelike, Timelike};
    let year = u32::try_from(t.year()).ok().filter(|y| *y <= 9999)?;
    let mut out = *b"0000-00-00T00:00:00Z";
    let mut put = |at: usize, width: usize, mut n: u32| {
        for i in (at..at + width).rev() {
            out[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    put(0, 4, year);
    put(5, 2, t.month());
    put(8, 2, t.day());
    put(11, 2, t.hour());
    put(14, 2, t.minute());
    put(17, 2, t.second());
    Some(out)
}

/// [`rfc3339`] for an optional serde field; null when absent.
pub fn serde_rfc3339_opt<S: serde::Serializer>(
    t: &Option<DateTime<Utc>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => serde_rfc3339(t, s),
        None => s.serialize_none(),
    }
}

/// For tables: `2024-08-05 00:00 UTC` in the display zone.
pub fn human(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

/// `3d`, `5h`, `12m`, `40s`: an age (or a time ahead) in its largest whole unit, as people
/// say it.
pub fn ago(age: chrono::Duration) -> String {
    let secs = age.num_seconds().max(0);
    for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60)] {
        if secs >= size {
            return format!("{}{unit}", secs / size);
        }
    }
    format!("{secs}s")
}

/// An RFC 3339 instant, for tests.
#[cfg(test)]
pub(crate) fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("a test instant")
        .with_timezone(&Utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_width_form_is_the_rfc3339_form() {
        for secs in [
            0,
            1,
            59,
            1_722_470_400,
            1_722_470_399,
            253_402_300_799,
            -1,
            -62_135_596_800,
        ] {
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            let fixed = rfc3339_fixed(t).map(|b| String::from_utf8(b.to_vec()).unwrap());
            assert_eq!(fixed.as_deref(), Some(rfc3339(t).as_str()), "{secs}");
        }
        let far = DateTime::from_timestamp(253_402_300_800, 0).unwrap();
        assert_eq!(rfc3339_fixed(far), None);
    }

    #[test]
    fn wall_clock_in_a_gap_lands_after_it() {
        // Berlin skips 02:00-03:00 on 2024-03-31: 02:30 does not exist, 03:00 CEST is 01:00Z.
        let local = NaiveDate::from_ymd_opt(2024, 3, 31)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(
            local_to_utc(chrono_tz::Europe::Berlin, local),
            utc("2024-03-31T01:00:00Z")
        );
    }

    #[test]
    fn wall_clock_in_a_fold_takes_the_first() {
        // Berlin repeats 02:00-03:00 on 2024-10-27; the first 02:30 is CEST, 00:30Z.
        let local = NaiveDate::from_ymd_opt(2024, 10, 27)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(
            local_to_utc(chrono_tz::Europe::Berlin, local),
            utc("2024-10-27T00:30:00Z")
        );
    }

    #[test]
    fn instants_in_every_accepted_form() {
        let now = utc("2024-08-07T10:00:00Z");
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(parse_instant("now", berlin, now).unwrap(), now);
        assert_eq!(
            parse_instant("2024-08-07T12:00:00+02:00", berlin, now).unwrap(),
            now
        );
        assert_eq!(parse_instant("2024-08-07T12:00", berlin, now).unwrap(), now);
        assert_eq!(
            parse_instant("2024-08-07", berlin, now).unwrap(),
            utc("2024-08-06T22:00:00Z")
        );
        assert!(parse_instant("next tuesday", berlin, now).is_err());
    }
}
