//! Operations that several commands share, as cargo keeps them apart from its command files:
//! each reads what it needs from the store and the config it is handed, lets the rules decide,
//! and returns plain data for a handler to print. Nothing here parses arguments or prints.

pub mod checklist;
pub mod incidents;
pub mod metrics;
pub mod notify;
pub mod replay;
pub mod report;
pub mod serve;
pub mod slo;
pub mod status;
