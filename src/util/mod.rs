//! Small pieces every layer may use: the clock, time parsing and display, terminal output,
//! files written whole, "did you mean" hints, the iCalendar writer, and which TLS servers are
//! trusted (`Trust`, a plain value config holds and `net` acts on).

pub mod clock;
pub mod files;
pub mod ics;
pub mod output;
pub mod suggest;
pub mod time;
pub mod trust;

/// `part` as a percentage of `whole`, to one decimal; none of nothing.
pub fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}
