//! The store a team shares: `db status`, `db copy`, and what a PostgreSQL user is told when the
//! server is down, missing, plaintext or newer. Tests that need a real server use
//! `MINDOPS_TEST_POSTGRES` and say so when it is not set.

use std::io::{Read, Write};
use std::net::TcpListener;

use crate::common::{json, postgres_server, run, Env};

/// Runs `mindops ARGS` once with `--db` as given (no mirroring).
fn on(env: &Env, db: &str, args: &[&str]) -> (i32, String, String) {
    run(env.cmd().arg("--db").arg(db).args(args))
}

fn skip(test: &str) {
    crate::common::skipped(
        test,
        "PostgreSQL (MINDOPS_TEST_POSTGRES, see scripts/pg.sh)",
    );
}

#[test]
fn db_status_names_the_backend_schema_and_rows() {
    let env = Env::new();
    env.ok(&["incident", "open", "--sev", "P2", "--title", "t"]);
    let (code, out, err) = on(&env, "../data/mindops.db", &["db", "status"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.starts_with(
            "backend   sqlite\nlocation  ../data/mindops.db\nschema    12 (this mindops: 12)\n"
        ),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["incidents", "1"]),
        "{out}"
    );
    if let Some(url) = env.postgres() {
        let (code, out, err) = on(&env, url, &["db", "status", "--format", "json"]);
        assert_eq!((code, err.as_str()), (0, ""));
        let status = json(&out);
        assert_eq!(status["backend"], "postgresql");
        assert_eq!(status["schema"], status["latest_schema"]);
        assert_eq!(status["rows"]["incidents"], 1);
        assert_eq!(
            status["rows"]["incident_events"],
            env.rows("incident_events")[0]
        );
    }
    // Nothing recorded yet: said so, and nothing created.
    let fresh = Env::new();
    let (code, out, _) = on(&fresh, "none.db", &["db", "status"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("schema    none (nothing recorded yet)"),
        "{out}"
    );
    assert!(!fresh.path("work/none.db").exists());
}

/// The same answers from two stores, command by command.
fn assert_same_history(env: &Env, a: &str, b: &str) {
    for args in [
        &["incident", "list", "--all", "--format", "json"][..],
        &["report", "weekly", "--format", "json"],
        &["report", "monthly"],
        &["metrics", "history", "response_time", "--format", "csv"],
        &["checklist", "history", "--format", "json"],
        &[
            "handover",
            "list",
            "--since",
            "2024-07-01",
            "--format",
            "json",
        ],
        &["incident", "show", "3", "--format", "json"],
    ] {
        let left = on(env, a, args);
        let right = on(env, b, args);
        assert_eq!(left.0, 0, "{args:?} on {a}: {}", left.2);
        assert_eq!(left, right, "{args:?}: {a} and {b} differ");
    }
}

#[test]
fn a_history_copies_between_stores_unchanged_and_only_into_an_empty_one() {
    let env = Env::new();
    let (code, _, err) = on(&env, "solo.db", &["demo", "--days", "14"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = on(
        &env,
        "solo.db",
        &["handover", "add", "moved to the shared store"],
    );
    assert_eq!(code, 0, "{err}");
    // SQLite to SQLite always; to PostgreSQL and back when there is one.
    let mut targets = vec!["copy.db".to_string()];
    targets.extend(env.postgres().map(str::to_string));
    for target in &targets {
        let (code, out, err) = on(&env, "solo.db", &["db", "copy", "--to", target]);
        assert_eq!((code, out.as_str()), (0, ""), "{err}");
        assert!(err.starts_with("copied "), "{err}");
        assert!(err.contains(" incidents, "), "{err}");
        assert_same_history(&env, "solo.db", target);
        // A second copy would mix two histories: refused, and the target keeps its own.
        let (code, _, err) = on(&env, "solo.db", &["db", "copy", "--to", target]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("already holds data") && err.contains("--replace"),
            "{err}"
        );
        let (code, _, err) = on(
            &env,
            "solo.db",
            &["db", "copy", "--to", target, "--replace"],
        );
        assert_eq!(code, 0, "{err}");
        assert_same_history(&env, "solo.db", target);
    }
    if let Some(url) = env.postgres() {
        // And back out again, as --from; a write after the move gets the next id.
        let (code, _, err) = on(
            &env,
            "back.db",
            &["db", "copy", "--from", url, "--to", "back.db"],
        );
        assert_eq!(code, 0, "{err}");
        assert_same_history(&env, url, "back.db");
        let next = |db: &str| {
            on(
                &env,
                db,
                &[
                    "incident", "open", "--sev", "P3", "--title", "after", "--format", "plain",
                ],
            )
            .1
        };
        assert_eq!(next(url), next("solo.db"));
    } else {
        skip("copy to PostgreSQL and back");
    }
    let (code, _, err) = on(&env, "solo.db", &["db", "copy", "--to", "solo.db"]);
    assert_eq!(code, 2);
    assert!(err.contains("the same database"), "{err}");
    let (code, _, err) = on(
        &env,
        "x.db",
        &["db", "copy", "--from", "missing.db", "--to", "y.db"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("missing.db does not exist"), "{err}");
}

/// A server that answers the TLS request with "no": what a PostgreSQL without TLS does.
fn plaintext_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut request = [0u8; 8];
            if stream.read_exact(&mut request).is_ok() {
                let _ = stream.write_all(b"N");
            }
        }
    });
    port
}

#[test]
fn sslmode_require_refuses_a_plaintext_server_and_never_shows_the_password() {
    let env = Env::new();
    let port = plaintext_server();
    let url = format!("postgres://ann:hunter2@127.0.0.1:{port}/ops?sslmode=require");
    let (code, out, err) = on(
        &env,
        &url,
        &["incident", "open", "--sev", "P1", "--title", "x"],
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains(&format!(
            "no secure connection to PostgreSQL at 127.0.0.1:{port}"
        )),
        "{err}"
    );
    assert!(err.contains("sslmode=require"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn a_server_that_is_not_there_is_named_with_what_to_check() {
    let env = Env::new();
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let url = format!("postgresql://ann:hunter2@127.0.0.1:{port}/ops");
    let (code, _, err) = on(&env, &url, &["oncall"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("cannot reach PostgreSQL at 127.0.0.1:{port}")),
        "{err}"
    );
    assert!(err.contains("Is the server running"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
    let (code, _, err) = on(&env, "postgres://h/db?sslmode=sometimes", &["oncall"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("sslmode=sometimes is not one PostgreSQL knows"),
        "{err}"
    );
}

#[test]
fn a_missing_database_or_a_newer_schema_is_refused_untouched() {
    let Some(server) = postgres_server() else {
        return skip("a_missing_database_or_a_newer_schema_is_refused_untouched");
    };
    let env = Env::new();
    let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
    let (code, _, err) = on(&env, &format!("{base}/no_such_db"), &["oncall"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("database \"no_such_db\" does not exist") && err.contains("createdb"),
        "{err}"
    );
    let url = env.postgres().expect("a database").to_string();
    env.ok(&["handover", "add", "before the future"]);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    client
        .batch_execute("INSERT INTO mindops.schema_migrations VALUES (999, 0)")
        .expect("pretend a newer mindops");
    let (code, _, err) = on(&env, &url, &["handover", "add", "after"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("was written by a newer mindops (schema 999") && err.contains("untouched"),
        "{err}"
    );
    let notes: i64 = client
        .query_typed_one("SELECT count(*) FROM mindops.handover_notes", &[])
        .expect("count")
        .get(0);
    assert_eq!(notes, 1);
}
