//! The one rule for every deadline in mindops. The seed writes limits as "< 15 minutes": the
//! deadline instant itself is already late. Acknowledgements, resolutions, escalations,
//! checklist slots and reports all ask these two functions (and the store's SQL says the same
//! thing with `<` and `>=`, next to a comment naming this module).

use chrono::{DateTime, Utc};

/// Whether something done at `done` met a deadline `due`.
pub fn in_time(done: DateTime<Utc>, due: DateTime<Utc>) -> bool {
    done < due
}

/// Whether a deadline `due` has passed, unmet, at `now`.
pub fn passed(due: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    !in_time(now, due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn the_deadline_instant_itself_is_late() {
        let due = DateTime::from_timestamp(1_722_470_400, 0).unwrap();
        assert!(in_time(due - Duration::seconds(1), due));
        assert!(!in_time(due, due));
        assert!(!passed(
            due - Duration::seconds(1),
            due - Duration::seconds(2)
        ));
        assert!(passed(due, due));
    }
}
