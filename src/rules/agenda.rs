//! The seed's review agendas: what each level of review covers, as topics a team records its
//! decisions under (`mindops review note --period 2024-Q3 --topic roadmap "..."`).

use crate::rules::period::Kind;

/// One item of a review's agenda: the key people type and what the sheet calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic {
    pub key: &'static str,
    pub title: &'static str,
    /// Where the report's figures for it are, for the meeting to look at.
    pub figures: &'static str,
}

const WEEKLY: [Topic; 4] = [
    Topic {
        key: "performance",
        title: "Performance analysis",
        figures: "Metrics: the performance and system rows",
    },
    Topic {
        key: "feedback",
        title: "User feedback review",
        figures: "Metrics: user_satisfaction and the support trends",
    },
    Topic {
        key: "incidents",
        title: "Incident analysis",
        figures: "Incidents, SLA by severity and the breaches",
    },
    Topic {
        key: "process",
        title: "Process improvement",
        figures: "Follow-up actions open and overdue; incidents closed without a review",
    },
];

const MONTHLY: [Topic; 4] = [
    Topic {
        key: "growth",
        title: "Growth analysis",
        figures: "Growth: active users against target, engagement",
    },
    Topic {
        key: "adoption",
        title: "Feature adoption",
        figures: "Growth: feature adoption",
    },
    Topic {
        key: "support",
        title: "Support trends",
        figures: "Support trends",
    },
    Topic {
        key: "resources",
        title: "Resource planning",
        figures: "Team: shifts and hours per person, pages, checklist completion",
    },
];

const QUARTERLY: [Topic; 4] = [
    Topic {
        key: "strategy",
        title: "Strategic planning",
        figures: "The quarter's trends across every section",
    },
    Topic {
        key: "roadmap",
        title: "Roadmap updates",
        figures: "Growth: feature adoption; follow-up actions",
    },
    Topic {
        key: "team",
        title: "Team assessment",
        figures: "Team: on-call hours, pages and acknowledgements per person, checklist completion",
    },
    Topic {
        key: "budget",
        title: "Budget review",
        figures: "Team: on-call hours per person; system metrics",
    },
];

/// The agenda of a review level, in the sheet's order and words.
pub fn agenda(kind: Kind) -> &'static [Topic] {
    match kind {
        Kind::Week => &WEEKLY,
        Kind::Month => &MONTHLY,
        Kind::Quarter => &QUARTERLY,
    }
}

/// A topic of a level's agenda by its key, or an error that lists them.
pub fn topic(kind: Kind, key: &str) -> Result<&'static Topic, String> {
    let items = agenda(kind);
    let wanted = key.trim().to_lowercase();
    items.iter().find(|t| t.key == wanted).ok_or_else(|| {
        let keys: Vec<&str> = items.iter().map(|t| t.key).collect();
        format!(
            "\"{key}\" is not a topic of the {} review; its topics are {}",
            kind.as_str(),
            keys.join(", ")
        )
    })
}

/// The review level a period label names: `2024-W32`, `2024-08`, `2024-Q3`.
pub fn kind_of(label: &str) -> Option<Kind> {
    let (_, rest) = label.trim().split_once('-')?;
    match rest.chars().next()? {
        'W' | 'w' => Some(Kind::Week),
        'Q' | 'q' => Some(Kind::Quarter),
        c if c.is_ascii_digit() => Some(Kind::Month),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sheet's "Continuous Improvement" section, word for word.
    #[test]
    fn every_agenda_is_the_sheets_word_for_word() {
        let titles = |kind| agenda(kind).iter().map(|t| t.title).collect::<Vec<_>>();
        assert_eq!(
            titles(Kind::Week),
            [
                "Performance analysis",
                "User feedback review",
                "Incident analysis",
                "Process improvement"
            ]
        );
        assert_eq!(
            titles(Kind::Month),
            [
                "Growth analysis",
                "Feature adoption",
                "Support trends",
                "Resource planning"
            ]
        );
        assert_eq!(
            titles(Kind::Quarter),
            [
                "Strategic planning",
                "Roadmap updates",
                "Team assessment",
                "Budget review"
            ]
        );
    }
}
