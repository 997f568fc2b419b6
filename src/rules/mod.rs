//! The seed's rules as pure functions over plain data, time passed in: no I/O, no clock, no store.

pub mod agenda;
pub mod checklist;
pub mod coverage;
pub mod deadline;
pub mod duration;
pub mod hours;
pub mod incident;
pub mod intake;
pub mod links;
pub mod load;
pub mod metrics;
pub mod period;
pub mod rotation;
pub mod selector;
pub mod severity;
pub mod slo;
pub mod stats;
pub mod threshold;
pub mod units;
