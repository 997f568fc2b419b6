//! `mindops oncall override`: add, apply everywhere, refuse a double role, remove.

use crate::common::{json, lines, Env};

fn add(
    env: &Env,
    role: &str,
    person: &str,
    from: &str,
    to: &str,
    extra: &[&str],
) -> (i32, String, String) {
    let mut args = vec![
        "oncall", "override", "add", "--role", role, "--person", person, "--from", from, "--to", to,
    ];
    args.extend_from_slice(extra);
    env.run(&args)
}

#[test]
fn an_override_applies_to_oncall_schedule_and_export() {
    let env = Env::new();
    let (code, out, err) = add(
        &env,
        "primary",
        "tilda",
        "2024-08-07T12:00",
        "2024-08-09",
        &["--force", "--reason", "Felix at a conference"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "override 1: Tilda holds Primary from 2024-08-07 12:00 UTC until 2024-08-09 00:00 UTC\n"
    );

    // Before it starts, Felix; during it, Tilda, marked.
    let before = env.ok(&["oncall", "--role", "Primary", "--format", "plain"]);
    assert_eq!(before, "Felix\n");
    let during = json(&env.ok(&["oncall", "--at", "2024-08-08T00:00:00Z", "--format", "json"]));
    assert_eq!(during["assignments"][0]["person"], "Tilda");
    assert_eq!(during["assignments"][0]["override"], true);
    assert_eq!(during["assignments"][0]["override_id"], 1);
    assert_eq!(during["assignments"][0]["until"], "2024-08-09T00:00:00Z");

    let schedule = env.ok(&[
        "oncall",
        "schedule",
        "--from",
        "2024-08-05",
        "--weeks",
        "1",
        "--format",
        "csv",
    ]);
    let primary: Vec<&str> = lines(&schedule)
        .into_iter()
        .filter(|l| l.contains(",Primary,"))
        .collect();
    assert_eq!(
        primary,
        [
            "2,Primary,Felix,Frontend,false,2024-08-05T00:00:00Z,2024-08-07T12:00:00Z",
            "2,Primary,Tilda,Testing,true,2024-08-07T12:00:00Z,2024-08-09T00:00:00Z",
            "2,Primary,Felix,Frontend,false,2024-08-09T00:00:00Z,2024-08-12T00:00:00Z",
        ]
    );
    let table = env.ok(&["oncall", "schedule", "--from", "2024-08-05", "--weeks", "1"]);
    assert!(
        table.contains("Felix, Tilda* 08-07 12:00–08-09 00:00, Felix"),
        "{table}"
    );

    let ics = env
        .ok(&["oncall", "export", "--from", "2024-08-05", "--weeks", "1"])
        .replace("\r\n ", "");
    assert!(
        ics.contains("SUMMARY:Primary on-call: Tilda (override)"),
        "{ics}"
    );
    assert!(
        ics.contains("Override 1 by tester: Felix at a conference"),
        "{ics}"
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 6);
}

#[test]
fn a_double_role_is_refused_unless_forced() {
    let env = Env::new();
    // Iris is Secondary in week 2: taking Primary too would leave Secondary's holder doubled.
    let (code, out, err) = add(
        &env,
        "Primary",
        "Iris",
        "2024-08-07T12:00",
        "2024-08-09",
        &[],
    );
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "mindops: error: Iris would hold Primary and Secondary at once from 2024-08-07 12:00 UTC to \
         2024-08-09 00:00 UTC; nothing was stored. Override the other role too, or pass --force to allow it\n"
    );
    let list = json(&env.ok(&["oncall", "override", "list", "--all", "--format", "json"]));
    assert_eq!(
        list.as_array().unwrap().len(),
        0,
        "a refused override must not be stored"
    );

    // A swap: Felix takes Secondary first is refused too (he is Primary) ...
    let (code, _, _) = add(
        &env,
        "Secondary",
        "Felix",
        "2024-08-07T12:00",
        "2024-08-09",
        &[],
    );
    assert_eq!(code, 2);
    // ... so the first half is forced, and the second half then clears the clash.
    assert_eq!(
        add(
            &env,
            "Primary",
            "Iris",
            "2024-08-07T12:00",
            "2024-08-09",
            &["--force"]
        )
        .0,
        0
    );
    let check = env.fails(&["oncall", "check", "--format", "plain"], 1);
    assert_eq!(check, "");
    assert_eq!(
        add(
            &env,
            "Secondary",
            "Felix",
            "2024-08-07T12:00",
            "2024-08-09",
            &[]
        )
        .0,
        0
    );
    env.ok(&["oncall", "check"]);
}

#[test]
fn check_names_the_clash() {
    let env = Env::new();
    assert_eq!(
        add(
            &env,
            "Primary",
            "Iris",
            "2024-08-08",
            "2024-08-09",
            &["--force"]
        )
        .0,
        0
    );
    let (code, out, _) = env.run(&["oncall", "check", "--format", "plain"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "double_role\tIris holds Primary and Secondary at once from 2024-08-08 00:00 UTC to 2024-08-09 00:00 UTC\n"
    );
}

#[test]
fn list_and_remove_keep_the_record() {
    let env = Env::new();
    assert_eq!(
        add(
            &env,
            "Backup",
            "Felix",
            "2024-08-20",
            "2024-08-22",
            &["--by", "alice", "--force"]
        )
        .0,
        0
    );
    let list = json(&env.ok(&["oncall", "override", "list", "--format", "json"]));
    assert_eq!(list[0]["id"], 1);
    assert_eq!(list[0]["state"], "upcoming");
    assert_eq!(list[0]["created_by"], "alice");
    assert_eq!(list[0]["created_at"], "2024-08-07T10:00:00Z");

    let (code, out, err) = env.run(&["oncall", "override", "remove", "1"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(
        err.contains("removed override 1 (Felix as Backup)"),
        "{err}"
    );
    let again = env.run(&["oncall", "override", "remove", "1"]);
    assert_eq!(again.0, 0);
    assert!(again.2.contains("already removed by tester"), "{}", again.2);

    assert_eq!(
        env.ok(&["oncall", "override", "list", "--format", "plain"]),
        ""
    );
    let all = json(&env.ok(&["oncall", "override", "list", "--all", "--format", "json"]));
    assert_eq!(all[0]["state"], "removed");
    assert_eq!(all[0]["removed_by"], "tester");
    let schedule = env.ok(&[
        "oncall",
        "schedule",
        "--from",
        "2024-08-19",
        "--weeks",
        "1",
        "--format",
        "csv",
    ]);
    assert!(
        !schedule.contains(",true,"),
        "a removed override still applies:\n{schedule}"
    );
}

#[test]
fn bad_overrides_exit_2_and_store_nothing() {
    let env = Env::new();
    let cases: [(&str, &str, &str, &str, &str); 4] = [
        (
            "Manager",
            "Iris",
            "2024-08-08",
            "2024-08-09",
            "unknown role \"Manager\"",
        ),
        (
            "Primary",
            "Irs",
            "2024-08-08",
            "2024-08-09",
            "unknown person \"Irs\" (did you mean \"Iris\"?)",
        ),
        (
            "Primary",
            "Tilda",
            "2024-08-09",
            "2024-08-08",
            "--to (2024-08-08T00:00:00Z) must be after --from",
        ),
        (
            "Primary",
            "Tilda",
            "soon",
            "2024-08-08",
            "--from: \"soon\" is not a time",
        ),
    ];
    for (role, person, from, to, message) in cases {
        let (code, _, err) = add(&env, role, person, from, to, &["--force"]);
        assert_eq!(code, 2, "{role} {person}: {err}");
        assert!(err.contains(message), "{err}");
    }
    let err = env.fails(&["oncall", "override", "remove", "42"], 2);
    assert!(err.contains("no override 42"), "{err}");
}

#[test]
fn twenty_clashing_overrides_at_once_never_double_a_person() {
    let env = Env::new();
    // A fifth member is free in week 2: handing her Primary is fine, and so is Secondary, but
    // not both. Half the racers ask for one, half for the other.
    env.edit(
        "rotation.yaml",
        "  - name: Tilda\n    area: Testing\n",
        "  - name: Tilda\n    area: Testing\n  - name: Milo2\n    area: Support\n",
    );
    let free = env.ok(&["oncall", "--format", "plain"]);
    assert!(!free.contains("Milo\n"), "Milo is free in week 2: {free}");
    let runs: Vec<Vec<&str>> = (0..20)
        .map(|i| {
            let role = if i % 2 == 0 { "Primary" } else { "Secondary" };
            vec![
                "oncall",
                "override",
                "add",
                "--role",
                role,
                "--person",
                "Milo",
                "--from",
                "2024-08-07T12:00",
                "--to",
                "2024-08-09",
            ]
        })
        .collect();
    env.race(&runs, |results, on| {
        let stored: Vec<&str> = results
            .iter()
            .filter(|(code, _, _)| *code == 0)
            .map(|(_, out, _)| {
                if out.contains("Primary") {
                    "Primary"
                } else {
                    "Secondary"
                }
            })
            .collect();
        // Whichever role won first, every racer asking for it got it, and nobody else.
        assert_eq!(stored.len(), 10, "{results:?}");
        assert!(stored.iter().all(|r| *r == stored[0]), "{results:?}");
        for (code, out, err) in results.iter().filter(|(code, _, _)| *code != 0) {
            assert_eq!(*code, 2, "{out}{err}");
            assert!(
                err.contains("would hold Primary and Secondary at once"),
                "{err}"
            );
        }
        let listed = on.ok(&["oncall", "override", "list", "--format", "plain"]);
        assert_eq!(listed.lines().count(), 10, "{listed}");
        on.ok(&["oncall", "check", "--weeks", "1"]);
    });
}
