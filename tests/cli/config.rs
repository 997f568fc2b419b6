//! Config discovery, `init`, `config check` and every config error's place and wording.

use crate::common::Env;

#[test]
fn the_sample_config_is_valid() {
    let env = Env::new();
    let (code, out, err) = env.run(&["config", "check"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(
        err.contains("valid (4 roles, 4 members, 12 checklist items; 4 severities, 21 metrics)"),
        "{err}"
    );
}

#[test]
fn discovery_order_flag_then_env_then_cwd_then_xdg() {
    let env = Env::new();
    // Distinguish the copies by their first member.
    let sample = include_str!("../../rotation.yaml");
    env.write(
        "flag/rotation.yaml",
        &sample.replace("name: Milo", "name: FromFlag"),
    );
    env.write(
        "envdir/rotation.yaml",
        &sample.replace("name: Milo", "name: FromEnv"),
    );
    env.write(
        "home/.config/mindops/rotation.yaml",
        &sample.replace("name: Milo", "name: FromXdg"),
    );
    let who = |cmd: &mut assert_cmd::Command| {
        let (code, out, err) = crate::common::run(cmd.args([
            "oncall",
            "--date",
            "2024-07-29",
            "--role",
            "Primary",
            "--format",
            "plain",
        ]));
        assert_eq!(code, 0, "{err}");
        out
    };
    let flag = env.path("flag");
    let envdir = env.path("envdir");
    assert_eq!(
        who(env
            .cmd()
            .env("MINDOPS_CONFIG_DIR", &envdir)
            .arg("--config-dir")
            .arg(&flag)),
        "FromFlag\n"
    );
    assert_eq!(
        who(env.cmd().env("MINDOPS_CONFIG_DIR", &envdir)),
        "FromEnv\n"
    );
    assert_eq!(who(&mut env.cmd()), "Milo\n");
    assert_eq!(who(env.cmd().current_dir(env.path("home"))), "FromXdg\n");
}

#[test]
fn no_config_names_every_place_looked_and_suggests_init() {
    let env = Env::empty();
    let err = env.fails(&["oncall"], 2);
    let work = env.work();
    let xdg = env.path("home/.config/mindops");
    assert_eq!(
        err,
        format!(
            "mindops: error: no rotation.yaml found; looked in the current directory ({}) and {}. \
             Run `mindops init` to write the sample config, or pass --config-dir DIR\n",
            work.display(),
            xdg.display()
        )
    );
    let err = env.fails(&["oncall", "--config-dir", "nowhere"], 2);
    assert!(err.contains("no rotation.yaml in nowhere (given by --config-dir or MINDOPS_CONFIG_DIR); run `mindops init nowhere`"), "{err}");
}

#[test]
fn init_writes_the_sample_and_refuses_to_overwrite() {
    let env = Env::empty();
    let (code, _, err) = env.run(&["init"]);
    assert_eq!(code, 0, "{err}");
    let dir = env.path("home/.config/mindops");
    assert_eq!(
        env.read("home/.config/mindops/rotation.yaml"),
        include_str!("../../rotation.yaml")
    );
    assert_eq!(
        env.read("home/.config/mindops/thresholds.yaml"),
        include_str!("../../thresholds.yaml")
    );
    assert!(
        err.contains(&format!(
            "wrote rotation.yaml and thresholds.yaml to {}",
            dir.display()
        )),
        "{err}"
    );
    // Found through XDG from anywhere now.
    assert_eq!(
        env.ok(&["oncall", "--role", "Primary", "--format", "plain"]),
        "Felix\n"
    );

    env.write("home/.config/mindops/rotation.yaml", "# mine\n");
    let err = env.fails(&["init"], 2);
    assert!(
        err.contains("thresholds.yaml already exist; nothing was written"),
        "{err}"
    );
    assert_eq!(env.read("home/.config/mindops/rotation.yaml"), "# mine\n");

    let (code, _, _) = env.run(&["init", "elsewhere"]);
    assert_eq!(code, 0);
    assert!(env.path("work/elsewhere/thresholds.yaml").exists());
}

/// Each broken config and the one line that should point at the problem.
#[test]
fn config_errors_give_file_line_column_key_and_what_is_allowed() {
    let cases: [(&str, &str, &str, &str); 9] = [
        ("thresholds.yaml", "page: [Primary, Secondary]", "page: [Primry, Secondary]",
         "thresholds.yaml:19:12: severities.P1.page[0]: unknown role \"Primry\" (did you mean \"Primary\"?); known roles: Primary, Secondary, On-Call, Backup"),
        ("thresholds.yaml", "    response: 15m", "    respond: 15m",
         "thresholds.yaml:17:5: severities.P1: unknown field `respond`, expected one of `name`, `response`, `resolution`, `page`, `description`, `repeat`"),
        ("thresholds.yaml", "    resolution: 4h", "    resolution: 4 hours",
         "thresholds.yaml:18:17: severities.P1.resolution: \"4 hours\" is not a duration; write a number and a unit (s, m, h, d, w), e.g. 15m, 4h or 1h30m"),
        ("thresholds.yaml", "    severity: P3", "    severity: P7",
         "thresholds.yaml:101:15: metrics.user_satisfaction.severity: unknown severity \"P7\"; known severities: P0, P1, P2, P3"),
        ("thresholds.yaml", "    alert: \"> 3s\"", "    alert: \"20:10\"",
         "thresholds.yaml:79:12: metrics.response_time.alert: \"20:10\" is not a threshold: its start is greater than its end"),
        ("rotation.yaml", "timezone: UTC ", "timezone: Europe/Berln ",
         "rotation.yaml:6:11: timezone: unknown time zone \"Europe/Berln\" (did you mean \"Europe/Berlin\"?)"),
        ("rotation.yaml", "start: 2024-07-29", "start: 2024-07-30",
         "rotation.yaml:7:8: start: 2024-07-30 is a Tuesday, but handoff.day is Monday; move start to a Monday or change handoff.day"),
        ("rotation.yaml", "  day: monday", "  day: mondy",
         "rotation.yaml:9:8: handoff.day: unknown variant `mondy`, expected one of `monday`"),
        ("rotation.yaml", "        evidence: metrics_checked", "        evidence: metrics",
         "rotation.yaml:47:19: checklist[0].items[1].evidence: unknown variant `metrics`, expected one of `metrics_checked`"),
    ];
    for (file, from, to, expected) in cases {
        let env = Env::new();
        env.edit(file, from, to);
        let err = env.fails(&["config", "check"], 2);
        assert!(
            err.starts_with(&format!("mindops: error: {expected}")),
            "{to}:\n{err}"
        );
    }
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let env = Env::new();
    env.edit("rotation.yaml", "shift: 1w", "shift: 36h");
    env.edit("rotation.yaml", "  - name: Tilda", "  - name: milo");
    let err = env.fails(&["oncall"], 2);
    assert_eq!(
        err,
        "mindops: error: rotation.yaml:11:8: shift: a shift lasts whole days or weeks (1d to 52w), not \"36h\"; write e.g. 1w or 7d\n\
         mindops: error: rotation.yaml:23:11: members[3].name: member \"milo\" is listed twice\n"
    );
}

/// A typo in a key, an unknown channel type, a zone and a time: one run names all four, as a
/// compiler does, rather than one per round of `config check`.
#[test]
fn mistakes_serde_and_validation_find_are_reported_in_one_run() {
    let env = Env::new();
    env.edit("rotation.yaml", "timezone: UTC ", "timezone: Europe/Berln ");
    env.edit("rotation.yaml", "  time: \"00:00\"", "  time: \"25:00\"");
    env.edit("rotation.yaml", "    area: Frontend", "    aera: Frontend");
    let text = env.read("work/rotation.yaml");
    env.write(
        "work/rotation.yaml",
        &format!(
            "{text}notify:\n  channels:\n    sms:\n      type: smss\n      command: cat\n    \
             team:\n      type: webhook\n      url: http://127.0.0.1:9/\n"
        ),
    );
    let lines = text.lines().count();
    let err = env.fails(&["config", "check"], 2);
    let found: Vec<&str> = err.lines().collect();
    assert_eq!(found.len(), 4, "{err}");
    assert!(
        found[0].contains(":20:5: members[1]: unknown field `aera`"),
        "{err}"
    );
    assert!(
        found[1].contains(&format!(
            ":{}:13: notify.channels.sms.type: unknown variant `smss`",
            lines + 4
        )),
        "{err}"
    );
    assert!(
        found[2].contains(":6:11: timezone: unknown time zone \"Europe/Berln\""),
        "{err}"
    );
    assert!(
        found[3].contains(":10:9: handoff.time: \"25:00\" is not a time of day"),
        "{err}"
    );
}

/// The keys this wave added say what is wrong with them, all in one run.
#[test]
fn time_off_versions_cover_and_hours_mistakes_are_named() {
    let env = Env::new();
    let text = env.read("work/rotation.yaml");
    env.write(
        "work/rotation.yaml",
        &format!(
            "{text}\ncover: Ana\ntime_off:\n  - {{person: Fleix, from: 2024-08-16, to: 2024-08-12}}\n\
             rotation:\n  - from: 2024-07-01\n    members: [{{name: Milo}}, {{name: Felix}}]\n"
        ),
    );
    env.edit(
        "thresholds.yaml",
        "    resolution: 24h\n    page: [Primary]\n",
        "    resolution: 24h\n    page: [Primary]\n    hours: {days: mon-fri, from: \"18:00\", to: \"08:00\"}\n",
    );
    let err = env.fails(&["config", "check"], 2);
    for expected in [
        "cover: unknown member \"Ana\"",
        "time_off[0].person: unknown member \"Fleix\"; write a member: Milo, Felix, Iris, Tilda",
        "time_off[0].to: 2024-08-12 is before from (2024-08-16)",
        "rotation[0].from: 2024-07-01 is not after 2024-07-29",
        "rotation[0].members: 4 roles need at least 4 members",
    ] {
        assert!(err.contains(expected), "{expected}:\n{err}");
    }
    env.edit("rotation.yaml", "cover: Ana\n", "");
    let text = env.read("work/rotation.yaml");
    env.write(
        "work/rotation.yaml",
        &text[..text.find("time_off:").unwrap()],
    );
    let err = env.fails(&["config", "check"], 2);
    assert!(
        err.contains("severities.P3.hours: hours from 18:00 to 08:00 end before they start"),
        "{err}"
    );
}

#[test]
fn too_few_members_for_the_roles_is_refused() {
    let env = Env::new();
    env.edit("rotation.yaml", "  - name: Tilda\n    area: Testing\n", "");
    let err = env.fails(&["config", "check"], 2);
    assert!(err.contains("members: 4 roles need at least 4 members so that nobody holds two roles at once; there are 3"), "{err}");
}

#[test]
fn yaml_syntax_errors_are_located() {
    let env = Env::new();
    env.write("work/rotation.yaml", "timezone: UTC\nroles: [Primary\n");
    let err = env.fails(&["oncall"], 2);
    assert!(
        err.starts_with("mindops: error: rotation.yaml:3:1: "),
        "{err}"
    );
}

#[test]
fn config_in_another_folder_is_shown_with_its_path() {
    let env = Env::new();
    env.write(
        "elsewhere/rotation.yaml",
        &include_str!("../../rotation.yaml").replace("shift: 1w", "shift: 0d"),
    );
    let err = env.fails(&["oncall", "--config-dir", "../elsewhere"], 2);
    assert!(
        err.starts_with("mindops: error: ../elsewhere/rotation.yaml:11:8: shift:"),
        "{err}"
    );
}
