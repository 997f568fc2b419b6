//! "Did you mean": a typo at 3 a.m. should be answered with the right spelling.

/// The candidate closest to `input` when it is close enough to be a typo of it.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&input, &c.to_lowercase()), c))
        // Two-letter keys like P0 and P1 are one edit apart: no guess there is better than none.
        .filter(|(d, c)| c.chars().count() >= 4 && *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// ` (did you mean "X"?)` or nothing.
pub fn hint<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(input, candidates).map_or_else(String::new, |c| format!(" (did you mean \"{c}\"?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let roles = ["Primary", "Secondary", "On-Call", "Backup"];
        assert_eq!(closest("Primry", roles), Some("Primary"));
        assert_eq!(closest("oncall", roles), Some("On-Call"));
        assert_eq!(closest("Manager", roles), None);
        assert_eq!(closest("P9", ["P0", "P1"]), None);
    }
}
