//! `mindops oncall`: the seed's four weeks, the repeat, instants, formats and errors.

use crate::common::{json, lines, Env, NOW};

/// The seed's sheet, week by week: Primary, Secondary, On-Call, Backup.
const SEED_WEEKS: [(&str, [&str; 4]); 4] = [
    ("2024-07-29", ["Milo", "Felix", "Iris", "Tilda"]),
    ("2024-08-05", ["Felix", "Iris", "Tilda", "Milo"]),
    ("2024-08-12", ["Iris", "Tilda", "Milo", "Felix"]),
    ("2024-08-19", ["Tilda", "Milo", "Felix", "Iris"]),
];

#[test]
fn each_seed_week_on_every_day_of_it() {
    let env = Env::new();
    for (week, (monday, people)) in SEED_WEEKS.iter().enumerate() {
        let monday = chrono::NaiveDate::parse_from_str(monday, "%Y-%m-%d").unwrap();
        for offset in [0, 3, 6] {
            let day = (monday + chrono::Duration::days(offset)).to_string();
            let out = env.ok(&["oncall", "--date", &day, "--format", "plain"]);
            assert_eq!(lines(&out), people, "week {} on {day}", week + 1);
        }
    }
}

#[test]
fn week_five_repeats_week_one() {
    let env = Env::new();
    let out = json(&env.ok(&["oncall", "--date", "2024-08-28", "--format", "json"]));
    assert_eq!(out["shift"]["number"], 5);
    let people: Vec<&str> = out["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["person"].as_str().unwrap())
        .collect();
    assert_eq!(people, SEED_WEEKS[0].1);
}

#[test]
fn the_issue_example_prints_felix() {
    let env = Env::new();
    let out = env.ok(&[
        "oncall",
        "--date",
        "2024-08-07",
        "--role",
        "Primary",
        "--format",
        "plain",
    ]);
    assert_eq!(out, "Felix\n");
}

#[test]
fn json_has_the_documented_fields() {
    let env = Env::new();
    let out = json(&env.ok(&["oncall", "--format", "json"]));
    assert_eq!(out["at"], "2024-08-07T10:00:00Z");
    assert_eq!(out["shift"]["number"], 2);
    assert_eq!(out["shift"]["start"], "2024-08-05T00:00:00Z");
    assert_eq!(out["shift"]["end"], "2024-08-12T00:00:00Z");
    let first = &out["assignments"][0];
    assert_eq!(first["role"], "Primary");
    assert_eq!(first["person"], "Felix");
    assert_eq!(first["area"], "Frontend");
    assert_eq!(first["override"], false);
    assert_eq!(first["from"], "2024-08-05T00:00:00Z");
    assert_eq!(first["until"], "2024-08-12T00:00:00Z");
}

#[test]
fn an_instant_just_before_and_at_a_handoff() {
    let env = Env::new();
    let before = env.ok(&[
        "oncall",
        "--at",
        "2024-08-11T23:59:59Z",
        "--role",
        "primary",
        "--format",
        "plain",
    ]);
    let after = env.ok(&[
        "oncall",
        "--at",
        "2024-08-12T00:00:00Z",
        "--role",
        "primary",
        "--format",
        "plain",
    ]);
    assert_eq!((before.as_str(), after.as_str()), ("Felix\n", "Iris\n"));
}

#[test]
fn the_table_names_the_shift_and_every_role() {
    let env = Env::new();
    let out = env.ok(&["oncall"]);
    assert!(
        out.starts_with("Shift 2 · 2024-08-05 00:00 UTC → 2024-08-12 00:00 UTC\n"),
        "{out}"
    );
    for (role, person, area) in [
        ("Primary", "Felix", "Frontend"),
        ("Secondary", "Iris", "Infrastructure"),
        ("On-Call", "Tilda", "Testing"),
        ("Backup", "Milo", "AI Integration"),
    ] {
        let row = out
            .lines()
            .find(|l| l.trim_start().starts_with(role))
            .unwrap_or_else(|| panic!("{role}: {out}"));
        assert!(row.contains(person) && row.contains(area), "{row}");
    }
    assert!(!out.contains('\x1b'), "colour with NO_COLOR: {out:?}");
}

#[test]
fn csv_has_a_header_and_a_row_per_role() {
    let env = Env::new();
    let out = env.ok(&["oncall", "--format", "csv"]);
    let rows = lines(&out);
    assert_eq!(rows[0], "role,person,area,override,from,until");
    assert_eq!(
        rows[1],
        "Primary,Felix,Frontend,false,2024-08-05T00:00:00Z,2024-08-12T00:00:00Z"
    );
    assert_eq!(rows.len(), 5);
}

#[test]
fn color_always_colours_and_tz_changes_only_the_display() {
    let env = Env::new();
    let out = env.ok(&["oncall", "--color", "always"]);
    assert!(
        out.contains("\x1b["),
        "no colour with --color always: {out:?}"
    );
    let out = env.ok(&["oncall", "--tz", "Asia/Tokyo"]);
    assert!(out.contains("2024-08-05 09:00 JST"), "{out}");
}

#[test]
fn a_date_before_the_rotation_says_when_it_starts() {
    let env = Env::new();
    let err = env.fails(&["oncall", "--date", "2024-07-28"], 2);
    assert_eq!(
        err,
        "mindops: error: no shift covers 2024-07-28: the rotation starts at 2024-07-29T00:00:00Z; \
         nobody is on call before it\n"
    );
}

#[test]
fn bad_input_exits_2_with_what_to_write() {
    let env = Env::new();
    let cases: [(&[&str], &str); 6] = [
        (&["oncall", "--date", "07/08/2024"], "is not a date; write YYYY-MM-DD"),
        (&["oncall", "--at", "tomorrow"], "is not a time; write now, RFC 3339"),
        (&["oncall", "--role", "Primry"], "unknown role \"Primry\" (did you mean \"Primary\"?); known roles: Primary, Secondary, On-Call, Backup"),
        (&["oncall", "--tz", "Mars/Olympus"], "unknown time zone \"Mars/Olympus\""),
        (&["oncall", "schedule", "--person", "Bob"], "unknown person \"Bob\"; members: Milo, Felix, Iris, Tilda"),
        (&["oncall", "schedule", "--from", "2024-08-10", "--to", "2024-08-01"], "--to 2024-08-01 is before --from 2024-08-10"),
    ];
    for (args, message) in cases {
        let err = env.fails(args, 2);
        assert!(
            err.starts_with("mindops: error: ") && err.contains(message),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
    let err = env.fails(&["oncall", "--bogus"], 2);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    let err = env.fails(
        &[
            "oncall",
            "--date",
            "2024-08-07",
            "--at",
            "2024-08-07T10:00:00Z",
        ],
        2,
    );
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn a_bad_pinned_clock_is_an_error_not_a_panic() {
    let env = Env::new();
    let (code, _, err) =
        crate::common::run(env.cmd().env("MINDOPS_NOW", "yesterday").arg("oncall"));
    assert_eq!(code, 2);
    assert!(
        err.contains("MINDOPS_NOW=\"yesterday\" is not an RFC 3339 time"),
        "{err}"
    );
}

#[test]
fn schedule_lists_the_coming_shifts() {
    let env = Env::new();
    let out = env.ok(&[
        "oncall",
        "schedule",
        "--from",
        "2024-07-29",
        "--weeks",
        "5",
        "--format",
        "csv",
    ]);
    let rows = lines(&out);
    assert_eq!(rows[0], "shift,role,person,area,override,from,until");
    assert_eq!(rows.len(), 1 + 5 * 4);
    assert_eq!(
        rows[1],
        "1,Primary,Milo,AI Integration,false,2024-07-29T00:00:00Z,2024-08-05T00:00:00Z"
    );
    assert_eq!(
        rows[17],
        "5,Primary,Milo,AI Integration,false,2024-08-26T00:00:00Z,2024-09-02T00:00:00Z"
    );

    let table = env.ok(&[
        "oncall",
        "schedule",
        "--from",
        "2024-08-05",
        "--to",
        "2024-08-18",
    ]);
    let shift_rows: Vec<&str> = table
        .lines()
        .filter(|l| l.trim_start().starts_with(['2', '3']))
        .collect();
    assert_eq!(shift_rows.len(), 2, "{table}");
    assert!(
        shift_rows[0].contains("Felix") && shift_rows[1].contains("Iris"),
        "{table}"
    );
}

#[test]
fn schedule_for_one_person_shows_their_roles() {
    let env = Env::new();
    let out = env.ok(&[
        "oncall",
        "schedule",
        "--person",
        "iris",
        "--from",
        "2024-07-29",
        "--weeks",
        "4",
        "--format",
        "plain",
    ]);
    assert_eq!(
        lines(&out),
        [
            "1\t2024-07-29T00:00:00Z\tOn-Call\tIris",
            "2\t2024-08-05T00:00:00Z\tSecondary\tIris",
            "3\t2024-08-12T00:00:00Z\tPrimary\tIris",
            "4\t2024-08-19T00:00:00Z\tBackup\tIris",
        ]
    );
}

/// The property of the rule, over a year of the sample rotation: every shift has every role
/// held, and by four different people.
#[test]
fn property_a_year_of_shifts_each_role_held_once() {
    let env = Env::new();
    let out = json(&env.ok(&[
        "oncall",
        "schedule",
        "--from",
        "2024-07-29",
        "--weeks",
        "52",
        "--format",
        "json",
    ]));
    let shifts = out["shifts"].as_array().unwrap();
    assert_eq!(shifts.len(), 52);
    for shift in shifts {
        let assignments = shift["assignments"].as_array().unwrap();
        let mut roles: Vec<&str> = assignments
            .iter()
            .map(|a| a["role"].as_str().unwrap())
            .collect();
        let mut people: Vec<&str> = assignments
            .iter()
            .map(|a| a["person"].as_str().unwrap())
            .collect();
        roles.sort();
        people.sort();
        people.dedup();
        assert_eq!(
            roles,
            ["Backup", "On-Call", "Primary", "Secondary"],
            "{shift}"
        );
        assert_eq!(people.len(), 4, "{shift}");
    }
}

#[test]
fn dst_handoffs_keep_the_wall_clock_time() {
    let env = Env::new();
    env.edit("rotation.yaml", "timezone: UTC", "timezone: Europe/Berlin");
    env.edit("rotation.yaml", "time: \"00:00\"", "time: \"09:00\"");
    // 2024-10-27 ends summer time: the shift of 21-28 October lasts 169 hours.
    let autumn = json(&env.ok(&["oncall", "--date", "2024-10-23", "--format", "json"]));
    assert_eq!(autumn["shift"]["start"], "2024-10-21T07:00:00Z");
    assert_eq!(autumn["shift"]["end"], "2024-10-28T08:00:00Z");
    // 2025-03-30 starts it again: that shift lasts 167 hours.
    let spring = json(&env.ok(&["oncall", "--date", "2025-03-26", "--format", "json"]));
    assert_eq!(spring["shift"]["start"], "2025-03-24T08:00:00Z");
    assert_eq!(spring["shift"]["end"], "2025-03-31T07:00:00Z");
    let table = env.ok(&["oncall", "--date", "2024-10-23"]);
    assert!(
        table.contains("2024-10-21 09:00 CEST") && table.contains("2024-10-28 09:00 CET"),
        "{table}"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let env = Env::new();
    let result = env
        .shell("set -o pipefail; \"$MINDOPS\" oncall schedule --weeks 520 --format csv | head -1");
    assert_eq!(
        result,
        (
            0,
            "shift,role,person,area,override,from,until\n".into(),
            String::new()
        )
    );
}

#[test]
fn export_is_an_rfc5545_calendar() {
    let env = Env::new();
    let ics = env.ok(&[
        "oncall",
        "export",
        "--ics",
        "--from",
        "2024-07-29",
        "--weeks",
        "4",
    ]);
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "bare LF in calendar"
    );
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "unfolded line");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 16);
    assert!(ics.contains("SUMMARY:Primary on-call: Felix\r\n"));
    assert!(ics.contains("UID:shift-2-primary@mindops\r\nDTSTAMP:20240807T100000Z\r\nDTSTART:20240805T000000Z\r\nDTEND:20240812T000000Z\r\n"), "{ics}");
    let again = env.ok(&["oncall", "export", "--from", "2024-07-29", "--weeks", "4"]);
    assert_eq!(ics, again, "UIDs and content must be stable across exports");

    let mine = env.ok(&[
        "oncall",
        "export",
        "--from",
        "2024-07-29",
        "--weeks",
        "4",
        "--person",
        "Tilda",
    ]);
    assert_eq!(mine.matches("BEGIN:VEVENT").count(), 4);
    assert!(mine.contains("X-WR-CALNAME:On-call: Tilda"));
}

#[test]
fn check_passes_on_the_seed_rotation_and_reports_the_load() {
    let env = Env::new();
    let out = env.ok(&["oncall", "check", "--weeks", "4"]);
    assert!(
        out.contains("every role held by one person at every moment"),
        "{out}"
    );
    let report = json(&env.ok(&["oncall", "check", "--weeks", "4", "--format", "json"]));
    assert_eq!(report["ok"], true);
    assert_eq!(report["problems"].as_array().unwrap().len(), 0);
    assert_eq!(report["load"][0]["person"], "Milo");
    assert_eq!(report["load"][0]["hours"], 672.0);
}

/// The handover notes under `oncall` wrap between words to the screen, indented under their
/// author.
#[test]
fn handover_notes_wrap_to_the_screen() {
    let env = Env::new();
    let note = "The disk on db-2 fills by Friday; the cleanup job is in cron but not yet \
                verified, please check it after the morning checklist";
    env.did(NOW, &["handover", "add", note, "--by", "Iris"]);
    let (code, out, err) = env.shell(&format!("MINDOPS_NOW={NOW} COLUMNS=60 $MINDOPS oncall"));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
    let shown = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(shown.contains(note), "{out}");
    assert!(
        out.contains("\n    "),
        "continuation lines are indented:\n{out}"
    );
}
