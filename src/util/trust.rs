//! Which TLS servers a connection trusts beyond the usual authorities: a value config holds
//! and `net` acts on.

use std::path::PathBuf;

/// Which servers are trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Trust {
    /// Also trust the authority in this PEM file (a self-signed or internal CA).
    pub ca_file: Option<PathBuf>,
    /// Trust any certificate.
    pub insecure: bool,
}
