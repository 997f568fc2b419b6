//! Shell completions and the man page, both generated from the clap definition so they never
//! drift from the real flags.

use anyhow::{Context as _, Result};
use clap::CommandFactory;
use clap_complete::{generate, shells};

use crate::cli::{Cli, Completable, ManArgs, Shell};
use crate::exit;
use crate::Context;

/// Flags whose values come from the config, and what `mindops complete` lists for them.
const VALUE_FLAGS: [(&str, &str); 6] = [
    ("--sev", "severities"),
    ("--role", "roles"),
    ("--person", "members"),
    ("--owner", "members"),
    ("--tz", "zones"),
    ("--period", "periods"),
];

/// Asks mindops for a flag's values with the `--db` and `--config-dir` typed earlier on the
/// line (bash splits `--db=X` into three words), so that the values come from the store and
/// config the command will use; `periods` narrows to the report's kind.
const BASH_VALUES: &str = r#"_mindops_values() {
    local i word value what="$1" flags=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "${word}" in
            --db|--config-dir)
                value="${COMP_WORDS[i+1]}"
                if [[ "${value}" == "=" ]]; then value="${COMP_WORDS[i+2]}"; fi
                flags+=("${word}" "${value/#\~/$HOME}")
                ;;
            weekly) [[ "${what}" == periods ]] && what=weeks ;;
            monthly) [[ "${what}" == periods ]] && what=months ;;
            quarterly) [[ "${what}" == periods ]] && what=quarters ;;
        esac
    done
    "${COMP_WORDS[0]}" "${flags[@]}" complete "${what}" 2>/dev/null
}

"#;

/// Commands whose first argument is an incident's number.
const TAKES_AN_INCIDENT: [&str; 10] = [
    "ack", "escalate", "update", "phase", "step", "note", "close", "reopen", "show", "review",
];

/// The generated bash script, taught to ask mindops for severities, roles, people and open
/// incidents: clap's own script would offer file names there.
fn bash_with_values(script: String) -> String {
    let mut out = format!("{BASH_VALUES}{script}");
    for (flag, what) in VALUE_FLAGS {
        out = out.replace(
            &format!("                {flag})\n                    COMPREPLY=($(compgen -f \"${{cur}}\"))"),
            &format!(
                "                {flag})\n                    COMPREPLY=($(compgen -W \"$(_mindops_values {what})\" -- \"${{cur}}\"))"
            ),
        );
    }
    for name in TAKES_AN_INCIDENT {
        let case = format!("        mindops__subcmd__incident__subcmd__{name})\n");
        let Some(at) = out.find(&case) else { continue };
        let check = "            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then\n";
        if let Some(offset) = out[at..].find(check) {
            // Right after the command's name, wherever global flags put it on the line.
            out.insert_str(
                at + offset,
                &format!(
                    "            if [[ ${{cur}} != -* && \"${{prev}}\" == {name} ]] ; then\n                COMPREPLY=( $(compgen -W \"$(_mindops_values incidents)\" -- \"${{cur}}\") )\n                return 0\n            fi\n"
                ),
            );
        }
    }
    out
}

pub fn completions(shell: Shell) -> Result<u8> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    match shell {
        Shell::Bash => {
            generate(shells::Bash, &mut command, "mindops", &mut buffer);
            buffer = bash_with_values(String::from_utf8_lossy(&buffer).into_owned()).into_bytes();
        }
        Shell::Zsh => generate(shells::Zsh, &mut command, "mindops", &mut buffer),
        Shell::Fish => generate(shells::Fish, &mut command, "mindops", &mut buffer),
        Shell::Elvish => generate(shells::Elvish, &mut command, "mindops", &mut buffer),
        Shell::Powershell => generate(shells::PowerShell, &mut command, "mindops", &mut buffer),
    }
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buffer)?;
    Ok(exit::SUCCESS)
}

/// What every page ends with: the environment, the files and the exit codes, which clap's
/// own sections do not cover.
const COMMON_SECTIONS: &str = r#".SH ENVIRONMENT
.TP
\fBMINDOPS_CONFIG_DIR\fR
The folder holding rotation.yaml and thresholds.yaml, as \fB\-\-config\-dir\fR.
.TP
\fBMINDOPS_DB\fR
The SQLite database, as \fB\-\-db\fR.
.TP
\fBMINDOPS_NOW\fR
Pins the clock to an RFC 3339 instant (tests, replays).
.TP
\fBMINDOPS_USER\fR
Who is acting when \fB\-\-by\fR is not given (else \fBUSER\fR).
.TP
\fBNO_COLOR\fR
Set and not empty: no colour, unless \fB\-\-color always\fR.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR, \fBHOME\fR
Where the config and the database are looked for when not given.
.SH FILES
.TP
\fIrotation.yaml\fR, \fIthresholds.yaml\fR
The team, its rotation and checklist; the severities, protocol and metrics. Looked for in
\fB\-\-config\-dir\fR, then the current directory, then \fI$XDG_CONFIG_HOME/mindops\fR
(\fI~/.config/mindops\fR). A file writable by every user is never used; one found in the
current directory must belong to the user or root.
.TP
\fI$XDG_DATA_HOME/mindops/mindops.db\fR
The database (\fI~/.local/share/mindops/mindops.db\fR), created mode 0600 by the first
command that writes.
.SH "EXIT STATUS"
.TP
0
Success.
.TP
1
A check ran and found a problem (oncall check, incident check, checklist status).
.TP
2
Usage, config or input error: nothing was done; the message says what to fix.
.PP
\fBmindops metrics check\fR exits with the Nagios codes instead: 0 OK, 1 WARNING, 2 CRITICAL,
3 UNKNOWN, and 3 also when it cannot run.
"#;

/// Every page, one per command, each named as clap names it: mindops, mindops-incident,
/// mindops-incident-open.
fn pages() -> Vec<clap::Command> {
    fn walk(cmd: &clap::Command, out: &mut Vec<clap::Command>) {
        out.push(cmd.clone());
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, out);
        }
    }
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    let mut out = Vec::new();
    walk(&root, &mut out);
    out
}

fn page_name(cmd: &clap::Command) -> String {
    cmd.get_display_name().unwrap_or(cmd.get_name()).to_string()
}

/// A page as clap_mangen lays it out, but with the DESCRIPTION and EXAMPLES of the command's
/// [`Page`](crate::cli::pages::Page): one paragraph that does not repeat NAME, and examples
/// that a test parses with the real command line.
fn render(cmd: &clap::Command) -> Result<Vec<u8>> {
    let mut buffer = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone())
        .title(page_name(cmd))
        .source(format!("mindops {}", env!("CARGO_PKG_VERSION")))
        .manual("mindops manual");
    man.render_title(&mut buffer)?;
    man.render_name_section(&mut buffer)?;
    man.render_synopsis_section(&mut buffer)?;
    let path = page_name(cmd)
        .trim_start_matches("mindops")
        .trim_start_matches('-')
        .replace('-', " ");
    let page = crate::cli::pages::page(&path);
    if let Some(page) = page {
        buffer
            .extend_from_slice(format!(".SH DESCRIPTION\n{}\n", roff(page.description)).as_bytes());
    }
    man.render_options_section(&mut buffer)?;
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut buffer)?;
    }
    if let Some(page) = page {
        buffer.extend_from_slice(b".SH EXAMPLES\n");
        for (line, what) in page.examples {
            buffer.extend_from_slice(
                format!(".TP\n\\fB{}\\fR\n{}\n", roff(line), roff(what)).as_bytes(),
            );
        }
    }
    buffer.extend_from_slice(COMMON_SECTIONS.as_bytes());
    Ok(buffer)
}

/// Text set in roff as it reads: backslashes and hyphens escaped, and a line never starting
/// with a control character.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

pub fn man(args: ManArgs) -> Result<u8> {
    let pages = pages();
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        for page in &pages {
            let path = dir.join(format!("{}.1", page_name(page)));
            crate::util::files::write_atomically(&path, &String::from_utf8_lossy(&render(page)?))?;
        }
        crate::util::output::note(format!(
            "wrote {} man pages to {}; `man -l {}/mindops.1` reads one",
            pages.len(),
            dir.display(),
            dir.display()
        ));
        return Ok(exit::SUCCESS);
    }
    let wanted = std::iter::once("mindops".to_string())
        .chain(args.command.iter().map(|w| w.trim().to_lowercase()))
        .collect::<Vec<_>>()
        .join("-");
    let Some(page) = pages.iter().find(|p| page_name(p) == wanted) else {
        let names: Vec<String> = pages
            .iter()
            .map(|p| page_name(p).replacen("mindops-", "", 1).replace('-', " "))
            .filter(|n| n != "mindops")
            .collect();
        anyhow::bail!(
            "no man page for \"{}\"; there is one for each command: {}",
            args.command.join(" "),
            names.join(", ")
        );
    };
    std::io::Write::write_all(&mut std::io::stdout().lock(), &render(page)?)?;
    Ok(exit::SUCCESS)
}

/// What `mindops complete` lists: quick, quiet, and empty rather than an error when there is
/// no config or store, since a shell shows whatever it prints.
pub fn values(ctx: &Context, what: Completable) -> Result<u8> {
    let lines: Vec<String> = match what {
        Completable::Severities => ctx
            .config()
            .map(|(_, t)| t.severities.iter().map(|s| s.key.clone()).collect())
            .unwrap_or_default(),
        Completable::Roles => ctx
            .rotation()
            .map(|r| r.rotation.roles.clone())
            .unwrap_or_default(),
        Completable::Members => ctx
            .rotation()
            .map(|r| r.rotation.members.iter().map(|m| m.name.clone()).collect())
            .unwrap_or_default(),
        Completable::Incidents => ctx
            .existing_store()
            .and_then(|s| s.incidents(&crate::store::IncidentFilter::default()))
            .map(|list| list.iter().map(|i| i.id.to_string()).collect())
            .unwrap_or_default(),
        Completable::Zones => chrono_tz::TZ_VARIANTS
            .iter()
            .map(|z| z.name().to_string())
            .collect(),
        Completable::Periods | Completable::Weeks | Completable::Months | Completable::Quarters => {
            let zone = ctx
                .rotation()
                .map(|r| ctx.zone(&r.rotation))
                .unwrap_or(chrono_tz::UTC);
            let today = crate::util::time::local_date(zone, ctx.clock.now());
            let kinds = match what {
                Completable::Weeks => &[Kind::Week][..],
                Completable::Months => &[Kind::Month],
                Completable::Quarters => &[Kind::Quarter],
                _ => &[Kind::Week, Kind::Month, Kind::Quarter],
            };
            kinds.iter().flat_map(|k| recent(*k, today)).collect()
        }
    };
    let mut out = crate::util::output::Out::stdout();
    for line in lines {
        out.line(line)?;
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Week,
    Month,
    Quarter,
}

/// The periods a review or report most likely wants, newest first: the one under way and
/// those just finished (8 weeks, 6 months, 4 quarters).
fn recent(kind: Kind, today: chrono::NaiveDate) -> Vec<String> {
    use chrono::Datelike;
    let months_back = |n: u32| {
        today
            .with_day(1)
            .and_then(|d| d.checked_sub_months(chrono::Months::new(n)))
    };
    match kind {
        Kind::Week => (0..8)
            .filter_map(|n| today.checked_sub_days(chrono::Days::new(7 * n)))
            .map(|d| d.format("%G-W%V").to_string())
            .collect(),
        Kind::Month => (0..6)
            .filter_map(months_back)
            .map(|d| d.format("%Y-%m").to_string())
            .collect(),
        Kind::Quarter => (0..4)
            .filter_map(|n| months_back(3 * n))
            .map(|d| format!("{}-Q{}", d.year(), d.month0() / 3 + 1))
            .collect(),
    }
}
