//! Every `sh` block of the README, run as a reader would paste it: each block in a fresh home
//! with the sample config and a scratch store, `mindops` on the PATH, each command's exit code
//! checked. A command may exit non-zero only where its own comment says it does ("exit 1").
//! What cannot run here is listed below with the reason, so nothing is skipped silently.

use crate::common::Env;

/// Lines the test does not run, by how they start, and why.
const NOT_HERE: &[(&str, &str)] = &[
    ("cargo ", "builds and tests mindops itself"),
    (
        "eval \"$(scripts/pg.sh",
        "starts PostgreSQL and runs the suite",
    ),
    ("apt-get ", "installs Debian packages"),
    (
        "export MINDOPS_DB=postgres://",
        "needs the team's PostgreSQL",
    ),
    ("mindops db status", "follows the PostgreSQL export above"),
    ("mindops db copy", "follows the PostgreSQL export above"),
    ("mindops status --watch", "runs until Ctrl-C"),
    ("curl -s localhost:9100", "needs node_exporter on its port"),
    (
        "mindops metrics check --open-incidents --prom-out /var/lib",
        "writes into node_exporter's folder",
    ),
    (
        "mindops metrics check                 ",
        "asks the sample's Prometheus and service",
    ),
    (
        "mindops notify test",
        "needs a notify: section with channels",
    ),
    (
        "mindops notify flush",
        "needs a notify: section with channels",
    ),
];

/// The README's `sh` blocks, each as logical lines (continuations joined, heredocs kept
/// whole with the line that opens them).
fn blocks(readme: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = readme;
    while let Some(at) = rest.find("```sh\n") {
        let body = &rest[at + 6..];
        let end = body.find("```").unwrap_or(body.len());
        let mut lines: Vec<String> = Vec::new();
        let mut pending = String::new();
        let mut heredoc: Option<String> = None;
        for raw in body[..end].lines() {
            let line = raw.trim_start();
            if let Some(end_mark) = &heredoc {
                pending.push('\n');
                pending.push_str(raw);
                if line == end_mark {
                    heredoc = None;
                    lines.push(std::mem::take(&mut pending));
                }
                continue;
            }
            if pending.is_empty() && (line.is_empty() || line.starts_with('#')) {
                continue;
            }
            if !pending.is_empty() {
                pending.push(' ');
            }
            pending.push_str(line.strip_suffix('\\').unwrap_or(line));
            if line.ends_with('\\') {
                continue;
            }
            if let Some(mark) = line.split("<<'").nth(1).and_then(|m| m.split('\'').next()) {
                heredoc = Some(mark.to_string());
                continue;
            }
            lines.push(std::mem::take(&mut pending));
        }
        out.push(lines);
        rest = &body[end + 3..];
    }
    out
}

/// The exit codes a line's comment allows besides 0: "exit 1", "exits 1".
fn allowed(line: &str) -> Vec<i32> {
    let comment = line.split(" # ").nth(1).unwrap_or("");
    comment
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0] == "exit" || w[0] == "exits")
        .filter_map(|w| w[1].trim_end_matches([',', ';']).parse().ok())
        .collect()
}

#[test]
fn every_command_block_of_the_readme_runs_as_pasted() {
    let readme = include_str!("../../README.md");
    let bin_dir = assert_cmd::cargo::cargo_bin("mindops")
        .parent()
        .unwrap()
        .to_path_buf();
    let mut ran = 0;
    for (n, block) in blocks(readme).iter().enumerate() {
        let env = Env::new();
        // Once, on SQLite: a block writes files in its home, which a second run would find.
        let _ = env.sqlite_file();
        // The file of values the README's `--input values.txt` reads, as a reader has one.
        env.write("work/values.txt", "response_time=1.2s\nerror_rate=0.01%\n");
        // The completions folder, as in the repository the reader pasted from.
        std::fs::create_dir_all(env.path("work/completions")).unwrap();
        for file in ["mindops.bash", "_mindops", "mindops.fish"] {
            std::fs::copy(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("completions")
                    .join(file),
                env.path(&format!("work/completions/{file}")),
            )
            .unwrap();
        }
        let mut script = format!(
            "export PATH={}:$PATH\nmkdir -p \"$HOME\"\nfail() {{ echo \"block {n}: $1\" >&2; exit 1; }}\n",
            bin_dir.display()
        );
        for line in block {
            // The README's scratch files in /tmp go to this test's own folder: a second run
            // must not find the first one's.
            let private = env.path("tmp").display().to_string();
            std::fs::create_dir_all(&private).unwrap();
            let line = &line.replace("/tmp/", &format!("{private}/"));
            if let Some((_, why)) = NOT_HERE.iter().find(|(start, _)| line.starts_with(start)) {
                script.push_str(&format!(
                    "# not here ({why}): {}\n",
                    line.replace('\n', " ")
                ));
                continue;
            }
            let shown = line.replace('\'', "'\\''").replace('\n', " ");
            // A check's exit code is its verdict (Nagios's 0 to 3): any is the line working,
            // as long as it reported no error.
            if line.starts_with("mindops metrics check") {
                script.push_str(&format!(
                    "{{ {line}\n}} 2> .stderr; rc=$?; cat .stderr >&2\n\
                     {{ [ $rc -le 3 ] && ! grep -q 'mindops: error' .stderr; }} || fail 'exit '$rc': {shown}'\n"
                ));
                ran += 1;
                continue;
            }
            let ok: Vec<String> = std::iter::once(0)
                .chain(allowed(line))
                .map(|c| format!("[ $rc = {c} ]"))
                .collect();
            script.push_str(&format!(
                "{line}\nrc=$?; {{ {}; }} || fail 'exit '$rc': {shown}'\n",
                ok.join(" || ")
            ));
            ran += 1;
        }
        let (code, out, err) = env.shell(&script);
        assert_eq!(
            code, 0,
            "README block {n}:\n{script}\n--- stdout\n{out}\n--- stderr\n{err}"
        );
    }
    assert!(ran > 40, "only {ran} README lines ran");
}
