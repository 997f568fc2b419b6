//! Summaries of a set of durations as every statistics package computes them, so the figures
//! a review shows can be checked by hand.

use serde::Serialize;

/// Mean, median and 90th percentile of a set of durations, in seconds.
///
/// The median of an even count is the mean of the two middle values ([60, 60, 899, 900] has
/// median 479.5). The 90th percentile is the nearest rank: the smallest value at least 90 % of
/// the values are at or below (the ⌈0.9·n⌉-th smallest), always one of the values themselves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Spread {
    pub count: u64,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub p90: Option<i64>,
}

impl Spread {
    pub fn of(mut values: Vec<i64>) -> Self {
        values.sort_unstable();
        let n = values.len();
        if n == 0 {
            return Spread::default();
        }
        let sum: f64 = values.iter().map(|&v| v as f64).sum();
        let median = if n % 2 == 1 {
            values[n / 2] as f64
        } else {
            (values[n / 2 - 1] as f64 + values[n / 2] as f64) / 2.0
        };
        let rank = ((0.9 * n as f64).ceil() as usize).clamp(1, n);
        Spread {
            count: n as u64,
            mean: Some(sum / n as f64),
            median: Some(median),
            p90: Some(values[rank - 1]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Spread;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let s = Spread::of(vec![900, 60, 899, 60]);
        assert_eq!(s.median, Some(479.5));
        assert_eq!(s.mean, Some(479.75));
        assert_eq!(s.p90, Some(900));
        assert_eq!(Spread::of(vec![5, 1, 3]).median, Some(3.0));
        assert_eq!(Spread::of(vec![]), Spread::default());
    }

    #[test]
    fn the_90th_percentile_is_the_nearest_rank() {
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(Spread::of(ten).p90, Some(9));
        let eleven: Vec<i64> = (1..=11).collect();
        assert_eq!(Spread::of(eleven).p90, Some(10));
        assert_eq!(Spread::of(vec![7]).p90, Some(7));
    }
}
