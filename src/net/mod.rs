//! The network as an outside world: an HTTP client with the timeouts and error wording every
//! caller shares, and what TLS tells about a server (its certificate's expiry).

pub mod http;
pub mod server;
pub mod smtp;
pub mod tls;
