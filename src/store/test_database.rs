//! A PostgreSQL database for one unit test, on the suite's server, dropped with it.

/// Dropped, with whoever is still connected, when the test ends.
pub struct TestDatabase {
    admin: postgres::Client,
    name: String,
    pub url: String,
}

impl TestDatabase {
    /// A new database named for `purpose`, or `None` without a server (`MINDOPS_TEST_POSTGRES`):
    /// the test says it skipped, and in CI, which sets the server, it fails instead.
    pub fn create(purpose: &str) -> Option<Self> {
        let Some(server) = std::env::var("MINDOPS_TEST_POSTGRES")
            .ok()
            .filter(|v| !v.is_empty())
        else {
            assert!(
                std::env::var_os("CI").is_none(),
                "the {purpose} check needs MINDOPS_TEST_POSTGRES, which CI sets"
            );
            eprintln!("mindops: skipped the {purpose} check: needs MINDOPS_TEST_POSTGRES");
            return None;
        };
        let name = format!(
            "mindops_{}_{}",
            purpose.replace(' ', "_"),
            std::process::id()
        );
        let mut admin = postgres::Client::connect(&server, postgres::NoTls).unwrap();
        // Two statements: neither runs inside the implicit transaction of a batch.
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
        Some(TestDatabase {
            url: format!("{base}/{name}"),
            admin,
            name,
        })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let _ = self
            .admin
            .batch_execute(&format!("DROP DATABASE {} WITH (FORCE)", self.name));
    }
}
