//! Coverage: is every role held by exactly one known person at every moment of a stretch?

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::rules::rotation::{double_roles, gaps, Gap, Override, Rotation};
use crate::util::time::human;

#[derive(Serialize)]
pub struct Problem {
    /// `double_role`, `gap`, `unknown_role` or `unknown_person`: stable for scripts.
    pub kind: &'static str,
    pub message: String,
}

/// `Backup has nobody from … to …`, for people.
pub fn gap_message(rotation: &Rotation, g: &Gap, zone: Tz) -> String {
    format!(
        "{} has nobody from {} to {}: someone is off and nobody is left to cover (name a \
         cover: in rotation.yaml, or give the role with an override)",
        rotation.roles[g.role],
        human(g.from, zone),
        human(g.to, zone)
    )
}

/// Overrides that no longer apply because rotation.yaml changed since they were made.
fn stale(rotation: &Rotation, overrides: &[Override]) -> Vec<Problem> {
    let mut out = Vec::new();
    for o in overrides {
        if o.is_time_off() {
            if rotation.member(&o.person).is_none() {
                out.push(Problem {
                    kind: "unknown_person",
                    message: format!(
                        "time off {} is for \"{}\", who is not in rotation.yaml",
                        o.id, o.person
                    ),
                });
            }
        } else if rotation.role_index(&o.role).is_none() {
            out.push(Problem {
                kind: "unknown_role",
                message: format!(
                    "override {} is for role \"{}\", which rotation.yaml no longer has; it is ignored. \
                     Remove it with `mindops oncall override remove {}`",
                    o.id, o.role, o.id
                ),
            });
        } else if rotation.member(&o.person).is_none() {
            out.push(Problem {
                kind: "unknown_person",
                message: format!(
                    "override {} gives {} to \"{}\", who is not in rotation.yaml",
                    o.id, o.role, o.person
                ),
            });
        }
    }
    out
}

/// Everything `oncall check` finds wrong over `[from, to)`.
pub fn problems(
    rotation: &Rotation,
    overrides: &[Override],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    zone: Tz,
) -> Vec<Problem> {
    let mut problems = stale(rotation, overrides);
    for g in gaps(rotation, overrides, from, to) {
        problems.push(Problem {
            kind: "gap",
            message: gap_message(rotation, &g, zone),
        });
    }
    for d in double_roles(rotation, overrides, from, to) {
        problems.push(Problem {
            kind: "double_role",
            message: format!(
                "{} holds {} at once from {} to {}",
                d.person,
                d.roles.join(" and "),
                human(d.from, zone),
                human(d.to, zone)
            ),
        });
    }
    problems
}
