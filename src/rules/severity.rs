//! A severity as thresholds.yaml defines it: its limits, whom it pages, when it repeats and
//! the hours it pages in.

use chrono::Duration;

#[derive(Debug, Clone)]
pub struct Severity {
    /// The short key people type: `P1`.
    pub key: String,
    pub name: String,
    /// Time allowed to acknowledge.
    pub response: Duration,
    /// Time allowed to close.
    pub resolution: Duration,
    pub page: Page,
    pub description: Option<String>,
    /// Once the whole chain is paged and nobody acknowledges, page it again.
    pub repeat: Option<Repeat>,
    /// When it pages: an incident opened outside these hours waits for their next start, and
    /// its limits count from there. None: at any hour.
    pub hours: Option<crate::rules::hours::Hours>,
}

/// How often an unanswered chain is paged again, and how many times at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    pub every: Duration,
    pub times: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// Every member of the team.
    All,
    /// These roles, by name as rotation.yaml spells them.
    Roles(Vec<String>),
}
