//! Completions are generated from the clap definition and committed; they must not drift.

use crate::common::Env;

const SHELLS: [(&str, &str); 5] = [
    ("bash", "mindops.bash"),
    ("zsh", "_mindops"),
    ("fish", "mindops.fish"),
    ("elvish", "mindops.elv"),
    ("powershell", "_mindops.ps1"),
];

#[test]
fn committed_completions_match_the_binary() {
    let env = Env::empty();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in SHELLS {
        let generated = env.ok(&["completions", shell]);
        let committed = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert!(
            generated == committed,
            "completions/{file} is stale; regenerate with scripts/completions.sh"
        );
    }
}

#[test]
fn the_bash_completion_loads_and_completes_subcommands() {
    let env = Env::empty();
    let script = format!(
        "source '{}/completions/mindops.bash' && complete -p mindops && \
         COMP_WORDS=(mindops onc) COMP_CWORD=1 COMP_LINE='mindops onc' COMP_POINT=11 && \
         _mindops mindops onc mindops && printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, out, err) = env.shell(&script);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("-F _mindops mindops"), "{out}");
    assert!(out.lines().any(|l| l == "oncall"), "{out}");
}

#[test]
fn the_man_page_renders() {
    let env = Env::empty();
    let man = env.ok(&["man"]);
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &man[..80.min(man.len())]
    );
    assert!(man.contains("oncall"));
}

#[test]
fn help_lists_the_exit_codes() {
    let env = Env::empty();
    let help = env.ok(&["--help"]);
    assert!(
        help.contains("Exit codes:") && help.contains("2  usage, config or input error"),
        "{help}"
    );
}

#[test]
fn every_command_has_a_man_page_with_environment_files_and_exit_status() {
    let env = Env::new();
    let page = env.ok(&["man", "incident", "open"]);
    assert!(page.contains(".TH mindops-incident-open 1"), "{page}");
    for section in [
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
        "MINDOPS_DB",
        "MINDOPS_NOW",
    ] {
        assert!(page.contains(section), "{section}");
    }
    let err = env.fails(&["man", "incident", "teleport"], 2);
    assert!(
        err.contains("no man page for \"incident teleport\""),
        "{err}"
    );
    let (code, _, err) = env.run(&["man", "--out", "pages"]);
    assert_eq!(code, 0, "{err}");
    let root = env.read("work/pages/mindops.1");
    // Each page says more than its NAME line, and shows examples.
    for entry in std::fs::read_dir(env.path("work/pages")).unwrap() {
        let path = entry.unwrap().path();
        let page = std::fs::read_to_string(&path).unwrap();
        let section = |name: &str| {
            page.split(&format!(".SH {name}\n"))
                .nth(1)
                .and_then(|rest| rest.split("\n.SH ").next())
                .unwrap_or_default()
                .to_string()
        };
        let (name, description) = (section("NAME"), section("DESCRIPTION"));
        assert!(
            description.len() > 80,
            "{}: {description:?}",
            path.display()
        );
        let summary = name.split(" \\- ").nth(1).unwrap_or_default().trim();
        assert!(
            !description.contains(summary),
            "{}: DESCRIPTION repeats NAME",
            path.display()
        );
        assert!(
            section("EXAMPLES").matches(".TP").count() >= 2,
            "{}",
            path.display()
        );
    }
    // Every page the root page points at exists.
    for sub in [
        "oncall",
        "incident",
        "metrics",
        "checklist",
        "handover",
        "report",
        "status",
    ] {
        assert!(root.contains(&format!("mindops\\-{sub}(1)")), "{sub}");
        assert!(
            env.path(&format!("work/pages/mindops-{sub}.1")).exists(),
            "{sub}"
        );
    }
    // Where man is installed, each page reads cleanly.
    if std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok()
    {
        for name in ["mindops", "mindops-incident-open", "mindops-metrics-check"] {
            let out = std::process::Command::new("man")
                .arg("-l")
                .arg(env.path(&format!("work/pages/{name}.1")))
                .env("MANPAGER", "cat")
                .env("MANWIDTH", "80")
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                text.contains("EXIT STATUS") && text.contains("ENVIRONMENT"),
                "{name}: {text}"
            );
        }
    }
}

/// What bash offers after the words given, with the completion script loaded and the binary
/// the test built on the path.
fn bash_offers(env: &Env, words: &[&str]) -> Vec<String> {
    let line = words.join(" ");
    let script = format!(
        "export PATH=\"$(dirname \"$MINDOPS\"):$PATH\" && source '{}/completions/mindops.bash' && \
         COMP_WORDS=({}) COMP_CWORD={} COMP_LINE='{line}' COMP_POINT={} && \
         _mindops mindops '{}' '{}' && printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        env!("CARGO_MANIFEST_DIR"),
        words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        words.len() - 1,
        line.len(),
        words.last().unwrap(),
        words[words.len() - 2],
    );
    let (code, out, err) = env.shell(&script);
    assert_eq!(code, 0, "{err}");
    out.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_severities_roles_people_and_open_incidents() {
    let env = Env::new();
    env.ok(&["incident", "open", "--sev", "P2", "--title", "one"]);
    env.ok(&["incident", "open", "--sev", "P3", "--title", "two"]);
    env.ok(&["incident", "close", "1", "--resolution", "fixed"]);
    assert_eq!(
        bash_offers(&env, &["mindops", "incident", "open", "--sev", ""]),
        ["P0", "P1", "P2", "P3"]
    );
    assert_eq!(
        bash_offers(
            &env,
            &["mindops", "oncall", "override", "add", "--role", "S"]
        ),
        ["Secondary"]
    );
    assert_eq!(
        bash_offers(
            &env,
            &["mindops", "oncall", "override", "add", "--person", "I"]
        ),
        ["Iris"]
    );
    assert_eq!(
        bash_offers(&env, &["mindops", "incident", "ack", ""]),
        ["2"]
    );
}

/// Values come from the store and config named earlier on the line, not the environment's;
/// zones and recent periods complete too.
#[test]
fn bash_completes_from_the_db_and_config_dir_on_the_line() {
    let env = Env::new();
    let other = env.path("other.db");
    let other = other.to_str().unwrap();
    for title in ["one", "two", "three"] {
        let (code, _, err) = crate::common::run(env.cmd().args([
            "--db", other, "incident", "open", "--sev", "P3", "--title", title,
        ]));
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(
        bash_offers(&env, &["mindops", "--db", other, "incident", "ack", ""]),
        ["3", "2", "1"]
    );
    let here = bash_offers(&env, &["mindops", "incident", "ack", ""]);
    assert!(here.is_empty(), "{here:?}");
    std::fs::create_dir_all(env.path("work/team-b")).unwrap();
    let rotation = env.read("work/rotation.yaml").replace(
        "roles: [Primary, Secondary, On-Call, Backup]",
        "roles: [Lead, Second, Third, Fourth]",
    );
    env.write("work/team-b/rotation.yaml", &rotation);
    env.write(
        "work/team-b/thresholds.yaml",
        &env.read("work/thresholds.yaml"),
    );
    assert_eq!(
        bash_offers(
            &env,
            &["mindops", "--config-dir", "team-b", "oncall", "--role", "L"]
        ),
        ["Lead"]
    );
    assert_eq!(
        bash_offers(&env, &["mindops", "oncall", "--tz", "Europe/Be"]),
        ["Europe/Belfast", "Europe/Belgrade", "Europe/Berlin"]
    );
    let weeks = bash_offers(&env, &["mindops", "report", "weekly", "--period", ""]);
    assert_eq!(
        weeks.first().map(String::as_str),
        Some("2024-W32"),
        "{weeks:?}"
    );
    assert!(weeks.iter().all(|w| w.contains("-W")), "{weeks:?}");
    assert_eq!(
        bash_offers(&env, &["mindops", "report", "quarterly", "--period", ""]),
        ["2024-Q3", "2024-Q2", "2024-Q1", "2023-Q4"]
    );
}

/// The README says how many man pages there are; it must be the number written.
#[test]
fn the_readme_counts_the_man_pages_right() {
    let env = crate::common::Env::new();
    let dir = env.path("man");
    let (code, _, err) = crate::common::run(env.cmd().arg("man").arg("--out").arg(&dir));
    assert_eq!(code, 0, "{err}");
    let pages = std::fs::read_dir(&dir).unwrap().count();
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains(&format!("({pages} of them)")),
        "the README's man page count is not {pages}"
    );
}
