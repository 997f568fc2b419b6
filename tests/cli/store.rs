//! The database: created private, only when needed, and never touched when newer.

use crate::common::Env;

/// A command that writes, so it creates the database.
const A_WRITE: [&str; 12] = [
    "oncall",
    "override",
    "add",
    "--role",
    "Backup",
    "--person",
    "Felix",
    "--from",
    "2024-08-20",
    "--to",
    "2024-08-21",
    "--force",
];

#[test]
fn reading_commands_create_no_database() {
    let env = Env::new();
    env.ok(&["oncall"]);
    let (code, out, err) = env.run(&["oncall", "override", "list"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert_eq!(
        err,
        "no overrides in place (--all shows ended and removed ones)\n"
    );
    assert!(!env.sqlite_file().exists());
    assert!(!env.path("data").exists());
}

#[test]
fn the_database_is_created_private_with_its_folder() {
    let env = Env::new();
    let (code, _, err) = env.run(&A_WRITE);
    assert_eq!(code, 0, "{err}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(env.sqlite_file())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn the_default_database_is_under_xdg_data_home() {
    let env = Env::new();
    let (code, _, err) = crate::common::run(env.cmd().env_remove("MINDOPS_DB").args(A_WRITE));
    assert_eq!(code, 0, "{err}");
    assert!(env.path("home/.local/share/mindops/mindops.db").exists());
}

#[test]
fn a_database_from_a_newer_mindops_is_refused_and_left_untouched() {
    let env = Env::new();
    std::fs::create_dir_all(env.sqlite_file().parent().unwrap()).unwrap();
    {
        let conn = rusqlite::Connection::open(env.sqlite_file()).unwrap();
        conn.execute_batch(
            "CREATE TABLE future (x); PRAGMA user_version = 999; PRAGMA application_id = 1835626084;",
        )
            .unwrap();
    }
    let before = std::fs::read(env.sqlite_file()).unwrap();
    let (_, status, _) =
        crate::common::run(Env::new().cmd().args(["db", "status", "--format", "json"]));
    let known = crate::common::json(&status)["latest_schema"].clone();
    for args in [&["oncall"][..], &["oncall", "override", "remove", "1"]] {
        let err = env.fails(args, 2);
        assert!(
            err.contains(&format!(
                "was written by a newer mindops (schema 999; this one knows up to {known}); it was left untouched"
            )),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(env.sqlite_file()).unwrap(), before);
    assert!(!env.path("data/mindops.db-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_an_error_not_a_panic() {
    let env = Env::new();
    std::fs::create_dir_all(env.sqlite_file().parent().unwrap()).unwrap();
    env.write("data/mindops.db", "this is not sqlite, just text long enough to have a header........................................................");
    let err = env.fails(&["oncall"], 2);
    assert!(err.contains("is it a mindops database?"), "{err}");
}

#[test]
fn a_stored_row_that_cannot_be_read_is_named_not_replaced() {
    let env = Env::new();
    env.ok(&["incident", "open", "--sev", "P2", "--title", "t"]);
    {
        let conn = rusqlite::Connection::open(env.sqlite_file()).unwrap();
        conn.execute_batch(
            "INSERT INTO incident_events (incident_id, at, actor, kind) VALUES (1, 1722000000, 'x', 'teleported');",
        )
        .unwrap();
    }
    let err = env.fails(&["incident", "show", "1"], 2);
    assert!(
        err.contains("incident_events row 3: unknown event kind \"teleported\""),
        "{err}"
    );
    env.ok(&["checklist", "done", "2"]);
    {
        let conn = rusqlite::Connection::open(env.sqlite_file()).unwrap();
        conn.execute_batch("UPDATE checklist_days SET items = '[{\"slot\": 3}]'")
            .unwrap();
    }
    let err = env.fails(&["checklist"], 2);
    assert!(
        err.contains("the checklist kept for 2024-08-07 in the database cannot be read"),
        "{err}"
    );
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let env = Env::new();
    std::fs::create_dir_all(env.sqlite_file().parent().unwrap()).unwrap();
    {
        let conn = rusqlite::Connection::open(env.sqlite_file()).unwrap();
        conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT);")
            .unwrap();
    }
    let before = std::fs::read(env.sqlite_file()).unwrap();
    for args in [&["oncall"][..], &["incident", "list"], &A_WRITE] {
        let err = env.fails(args, 2);
        assert!(
            err.contains("is a SQLite database of another program (tables photos); mindops leaves it untouched"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(env.sqlite_file()).unwrap(), before);
    assert!(!env.path("data/mindops.db-wal").exists());
}

#[test]
fn a_database_made_through_a_dangling_link_is_private_too() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    std::fs::create_dir_all(env.path("data")).unwrap();
    std::fs::create_dir_all(env.path("elsewhere")).unwrap();
    std::os::unix::fs::symlink("../elsewhere/real.db", env.sqlite_file()).unwrap();
    let (code, _, err) = env.run(&A_WRITE);
    assert_eq!(code, 0, "{err}");
    let mode = std::fs::metadata(env.path("elsewhere/real.db"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// `db backup` copies a SQLite store as of one instant while writers go on: every writer
/// succeeds, the copy is private, passes SQLite's check, and holds a prefix of the incidents.
#[test]
fn a_backup_taken_while_others_write_is_whole_and_consistent() {
    let env = Env::new();
    let script = r#"
for i in $(seq 1 40); do $MINDOPS incident open --sev P3 --title "w$i" --format plain > /dev/null || echo "writer $i failed"; done &
writer=$!
sleep 0.3
$MINDOPS db backup --to backup.db 2> said || echo "backup failed: $(cat said)"
wait $writer
stat -c %a backup.db
MINDOPS_DB=backup.db $MINDOPS incident list --all --format plain | sort -n | tr '\n' ' '
echo
$MINDOPS incident list --all --format plain | wc -l
cat said"#;
    let (code, out, err) = env.sqlite_shell(script);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "600", "{out}");
    // The copy holds incidents 1..=n with none missing in between: one instant, not a blend.
    let copied: Vec<u32> = lines[1]
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(!copied.is_empty(), "{out}");
    assert_eq!(
        copied,
        (1..=copied.len() as u32).collect::<Vec<_>>(),
        "{out}"
    );
    assert_eq!(
        lines[2].trim(),
        "40",
        "every writer's incident is in the live store:\n{out}"
    );
    assert!(lines[3].contains("integrity ok"), "{out}");
    assert!(!out.contains("failed"), "{out}");
    // Not onto the database itself.
    let (code, _, err) = env.sqlite_shell("$MINDOPS db backup --to \"$MINDOPS_DB\"");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is the database itself"), "{err}");
}

/// `db backup` of nothing, and of a PostgreSQL store, says what to do instead.
#[test]
fn a_backup_of_no_database_or_of_postgresql_says_what_to_do() {
    let env = Env::new();
    let err = env.fails(&["--db", "none.db", "db", "backup", "--to", "b.db"], 2);
    assert!(
        err.contains("there is no database at none.db to back up"),
        "{err}"
    );
    // Refused before any connection is tried: nothing listens on port 9.
    let err = env.fails(
        &[
            "--db",
            "postgres://ops@127.0.0.1:9/mindops",
            "db",
            "backup",
            "--to",
            "b.db",
        ],
        2,
    );
    assert!(err.contains("back up PostgreSQL with pg_dump"), "{err}");
    assert!(!env.path("work/b.db").exists());
}
