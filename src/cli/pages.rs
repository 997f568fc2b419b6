//! Each command's long description and examples: the text of `--help`'s long form and of the
//! man page's DESCRIPTION and EXAMPLES, written once so the two cannot drift. A test parses
//! every example with the real command line, so an example that names a flag that is gone
//! fails the build's tests.

/// One command's page: its path under `mindops` ("" for mindops itself).
pub struct Page {
    pub path: &'static str,
    /// One paragraph: what the command is for and what it does, beyond its one-line summary.
    pub description: &'static str,
    /// (command line, what it does)
    pub examples: &'static [(&'static str, &'static str)],
}

pub const PAGES: &[Page] = &[
    Page {
        path: "",
        description: "mindops keeps a live service's operations in two YAML files and one \
            database: the support rotation and who is on call, incidents with their response \
            and resolution limits and the pages they send, metric checks against the \
            dashboard's targets, the daily checklist, handover notes, and weekly, monthly and \
            quarterly reviews. Every command reads the config from --config-dir, the current \
            folder or ~/.config/mindops, and the store from --db (SQLite or PostgreSQL).",
        examples: &[
            ("mindops oncall --role Primary", "who answers pages now"),
            ("mindops incident open --sev P1 --title 'checkout failing'", "open an incident and page"),
            ("mindops metrics check --format nagios", "check the dashboard's metrics, for Nagios"),
        ],
    },
    Page {
        path: "oncall",
        description: "Shows who holds each role of the rotation at an instant: now, on a day, \
            or at a given time, with overrides applied and marked, and the handover notes left \
            since the previous handoff. Scripts take one role's holder with --role and \
            --format plain.",
        examples: &[
            ("mindops oncall", "the current shift, its roles and handover notes"),
            ("mindops oncall --date 2024-08-07", "the shift covering a day"),
            ("mindops oncall --role Primary --format plain", "the Primary's name alone, for a script"),
        ],
    },
    Page {
        path: "oncall schedule",
        description: "Lists the coming shifts, one row each, with every role's holder as the \
            rotation and its overrides have it. --person narrows it to one person's shifts and \
            the role held in each; --from, --to and --weeks choose the window.",
        examples: &[
            ("mindops oncall schedule --weeks 8", "the next eight shifts"),
            ("mindops oncall schedule --person Felix --format csv", "Felix's shifts, for a spreadsheet"),
        ],
    },
    Page {
        path: "oncall check",
        description: "Checks the coming weeks for holes in the rotation: a role nobody holds, a \
            person holding two roles at once, and load shared unevenly. Exits 1 when it finds \
            a problem, so a cron job or a CI step can run it.",
        examples: &[
            ("mindops oncall check", "the next twelve weeks"),
            ("mindops oncall check --weeks 26 --format json", "half a year, for a script"),
        ],
    },
    Page {
        path: "oncall export",
        description: "Writes the shifts as an iCalendar (RFC 5545) file that calendar programs \
            import or subscribe to: one event per shift and role, overrides included, each \
            with a stable UID so a re-import updates rather than duplicates.",
        examples: &[
            ("mindops oncall export --weeks 12 > rota.ics", "the next twelve weeks for everyone"),
            ("mindops oncall export --person Iris --weeks 26", "Iris's shifts for half a year"),
        ],
    },
    Page {
        path: "oncall off",
        description: "Records time off: over whole days in the rotation's zone, the last one \
            included, the person holds no role and the cover rule of rotation.yaml fills it \
            (by default each holder below moves up a role and the lowest stays empty). Everyone \
            it moves is told once on their own channels; a role left empty is named at once, \
            and pages skip it. It is stored as an override without a role: `oncall override \
            remove ID` takes it back. Time off planned ahead can also be written in \
            rotation.yaml under time_off:.",
        examples: &[
            (
                "mindops oncall off Felix --from 2024-08-12 --to 2024-08-16 --reason conference",
                "Felix is away for a week",
            ),
            ("mindops oncall off Iris --from 2024-08-13 --to 2024-08-13 --by Ana", "one day, recorded by Ana"),
        ],
    },
    Page {
        path: "oncall swap",
        description: "Swaps two people's roles for one shift: each takes the other's role from \
            the shift's first handoff to its last, as two overrides stored in one transaction, \
            and each of the two hears once what they now hold. The shift is its number, as \
            oncall shows it, or any day in it.",
        examples: &[
            ("mindops oncall swap Felix Iris --week 3", "swap for the third shift"),
            ("mindops oncall swap Felix Iris --week 2024-08-14 --reason 'Iris moves house'", "the shift of a day"),
        ],
    },
    Page {
        path: "oncall plan",
        description: "Compares who holds each role under the config in use and under another \
            folder's rotation.yaml (a branch's checkout), with the same stored overrides, over \
            the coming weeks: only the stretches that change, each person's hours on call \
            before and after, and the problems of the other config (a role nobody holds, a \
            person holding two, an override for someone who left). Exits 1 when the other config \
            has a problem, so a CI job on a pull request fails; --format markdown fits the \
            pull request's comment.",
        examples: &[
            ("mindops oncall plan --against ../branch", "what the branch would change"),
            ("mindops oncall plan --against ../branch --weeks 52 --format markdown", "a year, for a PR comment"),
        ],
    },
    Page {
        path: "oncall load",
        description: "Shows who carried the rotation over a week, a month or a quarter: each \
            person's hours on call, pages received, pages between 22:00 and 07:00 on their own \
            clock (a member's zone: in rotation.yaml, else the rotation's), acknowledgements, \
            overrides taken and days off; and how evenly the hours fell, the largest share over \
            the smallest. The monthly and quarterly reports carry the night pages too.",
        examples: &[
            ("mindops oncall load", "the last complete month"),
            ("mindops oncall load --period 2024-Q3 --format csv", "a quarter, for a spreadsheet"),
        ],
    },
    Page {
        path: "oncall override",
        description: "Overrides hand a role to someone else for a stretch of time: a swap, an \
            illness, a holiday. They are stored, shown by oncall and the schedule, followed by \
            pages and reminders, and adding or removing one tells the people it moves.",
        examples: &[
            ("mindops oncall override list", "overrides in force now or later"),
            (
                "mindops oncall override add --role Primary --person Milo --from 2024-08-12T00:00:00Z --to 2024-08-13T00:00:00Z",
                "Milo holds Primary for a day",
            ),
        ],
    },
    Page {
        path: "oncall override add",
        description: "Gives a role to a person from one instant to another. It is refused when \
            the person would then hold two roles at once, unless --force; the person taking \
            the role and each person relieved of it are told on their own channels.",
        examples: &[
            (
                "mindops oncall override add --role Primary --person Milo --from 2024-08-12T09:00:00Z --to 2024-08-12T17:00:00Z --reason 'dentist'",
                "Milo covers Primary for a working day",
            ),
            (
                "mindops oncall override add --role Backup --person Iris --from 2024-08-12 --to 2024-08-19 --force",
                "Iris takes Backup for a week although she holds another role",
            ),
        ],
    },
    Page {
        path: "oncall override list",
        description: "Lists the overrides in force now or still to come; --all adds those ended \
            and removed, with who removed them and when, since an override is never deleted.",
        examples: &[
            ("mindops oncall override list", "current and coming overrides"),
            ("mindops oncall override list --all --format json", "every override ever made"),
        ],
    },
    Page {
        path: "oncall override remove",
        description: "Removes an override by its id: the role goes back to whoever the rotation \
            names, the override stays in the store marked removed, and the people it moved \
            are told.",
        examples: &[
            ("mindops oncall override remove 3", "undo override 3"),
            ("mindops oncall override remove 3 --by Ana", "and record who did it"),
        ],
    },
    Page {
        path: "incident",
        description: "Incidents follow the seed's protocol: opened at a severity that names the \
            roles to page and the response and resolution limits, acknowledged, escalated by \
            hand or by timeout, moved through its phases, closed with a resolution, reviewed, \
            with every change kept on a timeline.",
        examples: &[
            ("mindops incident open --sev P1 --title 'checkout failing'", "open and page"),
            ("mindops incident list", "incidents still open"),
            ("mindops incident ack 42", "answer a page"),
        ],
    },
    Page {
        path: "incident open",
        description: "Opens an incident at a severity from thresholds.yaml and pages the roles \
            that severity names, on each person's channels. A --dedup-key makes it idempotent: \
            a second open with the same key while the first is open adds to it instead.",
        examples: &[
            ("mindops incident open --sev P1 --title 'checkout failing'", "open a P1"),
            (
                "mindops incident open --sev P2 --title 'slow search' --dedup-key search-latency",
                "open once however often a script calls it",
            ),
            (
                "mindops incident open --sev P3 --title 'cert expires soon' --format plain",
                "print only the new incident's number",
            ),
        ],
    },
    Page {
        path: "incident simulate",
        description: "Runs the escalation policy on paper: whom an incident of a severity \
            would page, when and on which channels, if nobody acknowledged it (or someone did \
            after --acked-after), through timeout escalations, repeats of the chain and the \
            breaches of its limits, each at the minute incident check would act. Overrides in \
            the store are followed; nothing is stored or sent.",
        examples: &[
            ("mindops incident simulate --sev P1", "the P1 chain if nobody answers"),
            ("mindops incident simulate --sev P1 --acked-after 40m", "answered after 40 minutes"),
            ("mindops incident simulate --sev P3 --at 2024-08-10T03:00 --format json", "at night, as JSON"),
        ],
    },
    Page {
        path: "incident ack",
        description: "Acknowledges an incident: the response clock stops and so do the \
            escalations by timeout; the people paged hear who answered. Acknowledging again \
            changes nothing.",
        examples: &[
            ("mindops incident ack 42", "acknowledge as $MINDOPS_USER or $USER"),
            ("mindops incident ack 42 --by Felix", "acknowledge for Felix"),
        ],
    },
    Page {
        path: "incident escalate",
        description: "Pages the next role of the escalation chain at once, or with --sev raises \
            the severity, which recomputes the due times from the open time and pages the \
            roles the new severity names.",
        examples: &[
            ("mindops incident escalate 42", "page the next role"),
            ("mindops incident escalate 42 --sev P0 --reason 'all regions down'", "raise to P0"),
        ],
    },
    Page {
        path: "incident update",
        description: "Changes an incident's severity (up or down), title or description; each \
            change goes on the timeline with who made it and why.",
        examples: &[
            ("mindops incident update 42 --title 'checkout failing in EU'", "retitle it"),
            ("mindops incident update 42 --sev P3 --reason 'one customer only'", "lower the severity"),
        ],
    },
    Page {
        path: "incident phase",
        description: "Moves an incident to a phase of the protocol in thresholds.yaml \
            (detection, assessment, resolution, review); the phase's steps are then what \
            incident show lists as to do.",
        examples: &[
            ("mindops incident phase 42 assessment", "start assessing"),
            ("mindops incident phase 42 resolution --by Iris", "Iris is fixing it"),
        ],
    },
    Page {
        path: "incident step",
        description: "Ticks a step of the protocol on an incident, by its id or the start of \
            its text, with an optional note; the timeline keeps when and by whom.",
        examples: &[
            ("mindops incident step 42 verify-incident", "tick a step by id"),
            (
                "mindops incident step 42 determine-severity --note 'P1: every EU customer'",
                "with a note",
            ),
        ],
    },
    Page {
        path: "incident note",
        description: "Adds a free-text note to an incident's timeline: what was tried, what was \
            seen. Notes appear in incident show and in the post-incident review.",
        examples: &[
            ("mindops incident note 42 'rolled back deploy 1.4.2'", "note what was done"),
            ("mindops incident note 42 'error rate back under 0.1%' --by Iris", "for someone else"),
        ],
    },
    Page {
        path: "incident close",
        description: "Closes an incident with its resolution. The resolution clock stops; the \
            people paged hear that it is resolved; closing a closed incident changes nothing.",
        examples: &[
            ("mindops incident close 42 --resolution 'rolled back 1.4.2'", "close it"),
            ("mindops incident close 42 --resolution 'fixed upstream' --by Felix", "for Felix"),
        ],
    },
    Page {
        path: "incident reopen",
        description: "Reopens a closed incident, with a reason for the timeline. Its clocks run \
            again from the reopening and it pages as an open incident does.",
        examples: &[
            ("mindops incident reopen 42 --reason 'errors are back'", "reopen it"),
            ("mindops incident reopen 42", "reopen without a reason"),
        ],
    },
    Page {
        path: "incident list",
        description: "Lists incidents newest first with their severity, status, phase and SLA \
            state: open ones by default, --all for closed too, narrowed by severity, date or \
            breach. A table says when it shows only part of the list.",
        examples: &[
            ("mindops incident list", "incidents not closed"),
            ("mindops incident list --all --since 2024-08-01 --format csv", "every incident since a day"),
            ("mindops incident list --breaching --format plain", "numbers of incidents past a due time"),
        ],
    },
    Page {
        path: "incident show",
        description: "Shows every field of one incident and its whole timeline: pages, \
            acknowledgements, escalations, phase changes, steps, notes, with times in the \
            rotation's zone or --tz.",
        examples: &[
            ("mindops incident show 42", "the incident and its timeline"),
            ("mindops incident show 42 --format json", "the same for a script"),
        ],
    },
    Page {
        path: "incident check",
        description: "For cron, every minute: escalates open incidents whose acknowledgement is \
            overdue, records SLA breaches, repeats pages nobody answered, and sends what is \
            queued. Exits 1 while any open incident is in breach.",
        examples: &[
            ("mindops incident check", "one round, as cron runs it"),
            ("mindops incident check --format json", "what it did, for a script"),
        ],
    },
    Page {
        path: "incident review",
        description: "Writes a post-incident review in Markdown from the incident's timeline: \
            what happened when, time to acknowledge and to resolve against the limits, the \
            steps taken and the follow-up actions.",
        examples: &[
            ("mindops incident review 42 > review-42.md", "a review to edit and share"),
            ("mindops incident review 42", "read it in the terminal"),
        ],
    },
    Page {
        path: "incident action",
        description: "Follow-up actions from a review: each has an owner from the team and an \
            optional due day, and stays open until marked done; the reports count them.",
        examples: &[
            ("mindops incident action add 42 'add an alert on queue depth' --owner Iris", "add one"),
            ("mindops incident action done 7", "mark action 7 done"),
        ],
    },
    Page {
        path: "incident action add",
        description: "Adds a follow-up action to an incident, owned by a member of the team, \
            with an optional due day.",
        examples: &[
            ("mindops incident action add 42 'add an alert on queue depth' --owner Iris", "an action"),
            ("mindops incident action add 42 'load test checkout' --owner Felix --due 2024-08-30", "with a due day"),
        ],
    },
    Page {
        path: "incident action done",
        description: "Marks a follow-up action done, by its id, recording who and when.",
        examples: &[
            ("mindops incident action done 7", "action 7 is done"),
            ("mindops incident action done 7 --by Iris", "done by Iris"),
        ],
    },
    Page {
        path: "metrics",
        description: "The dashboard's metrics: each has a target, warning and critical \
            thresholds, and a source (a Prometheus query, an HTTP probe, a command or a value \
            given). Checks are recorded, so history and reviews read them back.",
        examples: &[
            ("mindops metrics check", "check every metric now"),
            ("mindops metrics list", "the metrics and their thresholds"),
        ],
    },
    Page {
        path: "metrics check",
        description: "Asks each metric's source for its value (or takes the values given), \
            judges it against thresholds.yaml, records it, and exits with the Nagios codes: \
            0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. --format nagios prints one plugin line with \
            performance data; --open-incidents opens an incident for each CRITICAL metric.",
        examples: &[
            ("mindops metrics check", "check every metric"),
            ("mindops metrics check --only-given error_rate=0.3 --no-record", "judge one value, store nothing"),
            ("mindops metrics check --format nagios", "one line for Nagios or Icinga"),
        ],
    },
    Page {
        path: "metrics record",
        description: "Stores values as they are, without checking the other metrics: for a job \
            that measures something once a day. Values come as NAME=VALUE arguments or from a \
            file in key-value, JSON, YAML or Prometheus text format.",
        examples: &[
            ("mindops metrics record user_satisfaction=4.3", "record one value"),
            ("mindops metrics record --input scrape.prom", "record what a scrape holds"),
        ],
    },
    Page {
        path: "metrics history",
        description: "Lists the recorded values of one metric with their states, newest first, \
            from a day onwards.",
        examples: &[
            ("mindops metrics history error_rate", "the recent values"),
            ("mindops metrics history uptime --since 2024-08-01 --format csv", "since a day, for a chart"),
        ],
    },
    Page {
        path: "metrics list",
        description: "Lists the metrics of thresholds.yaml with their targets, warning and \
            critical thresholds, units and sources.",
        examples: &[
            ("mindops metrics list", "the table"),
            ("mindops metrics list --format json", "for a script"),
        ],
    },
    Page {
        path: "metrics replay",
        description: "Judges the values recorded over a period again with the config in use \
            (its thresholds, for: holds and SLOs), as checks would have judged them when they \
            came, and shows the incidents it would have opened beside the CRITICAL stretches \
            that were recorded and the incidents that really opened. Nothing is written: point \
            --config-dir at a changed copy of the config to see what new thresholds would have \
            done.",
        examples: &[
            ("mindops metrics replay --from 2026-11-01 --to 2026-11-30", "November, by this config"),
            ("mindops --config-dir ./tighter metrics replay --from 2026-11-01", "the same history by a changed config"),
            ("mindops metrics replay --from 2026-11-01 --format json", "for a script"),
        ],
    },
    Page {
        path: "metrics import",
        description: "Loads a history of values from CSV: a header line, then at (RFC 3339 or \
            epoch seconds), metric and value, in time order. Each value is judged as a check \
            would have judged it then (for: holds across the file's own values), and the values \
            of one instant are recorded as one check, all in one transaction: a file with a \
            mistake loads nothing, and the error names its line.",
        examples: &[
            ("mindops metrics import history.csv", "a history exported from another system"),
            ("mindops metrics import -", "from standard input"),
        ],
    },
    Page {
        path: "slo",
        description: "Service level objectives from the slos: section of thresholds.yaml: the \
            share of good events over a window (a metric's recorded checks, or PromQL counts), \
            the error budget the rest allows, and the multi-window, multi-burn-rate alerts of \
            the SRE Workbook that page or open a ticket when the budget burns too fast. metrics \
            check judges them too and opens their incidents.",
        examples: &[
            ("mindops slo status", "each SLO's budget and burn rates"),
            ("mindops slo export --format sloth", "the SLOs for Sloth to turn into Prometheus rules"),
        ],
    },
    Page {
        path: "slo status",
        description: "Shows each SLO's objective and window, the budget left (minutes for an SLO \
            over a metric's checks, events for a ratio), the burn rate over every window its \
            alerts read, and the alert that fires with why. Exits 0 when none fires, 1 for a \
            ticket, 2 for a page and 3 when an SLO cannot be judged (Prometheus unreachable).",
        examples: &[
            ("mindops slo status", "the table"),
            ("mindops slo status --format json", "every figure, for a script or a dashboard"),
        ],
    },
    Page {
        path: "slo export",
        description: "Writes the SLOs as Sloth's prometheus/v1 spec or as Pyrra's \
            ServiceLevelObjective resources, so Prometheus can evaluate the same alerts. An SLO \
            a tool cannot express (Pyrra needs request counters; Prometheus cannot judge a \
            metric only mindops records) is left out with its reason on standard error.",
        examples: &[
            ("mindops slo export --format sloth > slos.yaml", "for sloth generate -i slos.yaml"),
            ("mindops slo export --format pyrra --service checkout", "Pyrra resources for Kubernetes"),
        ],
    },
    Page {
        path: "checklist",
        description: "Shows the day's checklist by slot (morning, afternoon, evening) with what \
            is done, by whom and when, what is overdue, and who is responsible for the day. \
            Items are ticked by id, number or the start of their text.",
        examples: &[
            ("mindops checklist", "today's list"),
            ("mindops checklist --date 2024-08-07 --slot morning", "one slot of a past day"),
            ("mindops checklist done 1 2", "tick the first two items"),
        ],
    },
    Page {
        path: "checklist done",
        description: "Ticks items of the day's checklist, by id, by number in the list, or by \
            the start of their text, with an optional note; ticking a ticked item again \
            changes nothing.",
        examples: &[
            ("mindops checklist done verify-backups", "by id"),
            ("mindops checklist done 3 --note 'restore test passed'", "by number, with a note"),
        ],
    },
    Page {
        path: "checklist undo",
        description: "Unticks items ticked by mistake; the tick and its removal both stay on \
            record.",
        examples: &[
            ("mindops checklist undo 3", "untick item 3"),
            ("mindops checklist undo verify-backups --date 2024-08-07", "on a past day"),
        ],
    },
    Page {
        path: "checklist status",
        description: "For cron: exits 1 naming the items whose slot's deadline has passed \
            undone, 0 when nothing is overdue.",
        examples: &[
            ("mindops checklist status", "anything overdue today?"),
            ("mindops checklist status --format json", "the overdue items for a script"),
        ],
    },
    Page {
        path: "checklist history",
        description: "Shows completion per day and per person over a window of days: how much \
            of the list was done, and who did it.",
        examples: &[
            ("mindops checklist history", "the last seven days"),
            ("mindops checklist history --from 2024-07-01 --to 2024-07-31 --format csv", "a month"),
        ],
    },
    Page {
        path: "handover",
        description: "Notes for the next person on call: written during a shift, shown by \
            oncall until the shift after next, and sent to whoever takes over the author's \
            role.",
        examples: &[
            ("mindops handover add 'db-2 disk fills by Friday'", "leave a note"),
            ("mindops handover list", "the notes of this shift and the one before"),
        ],
    },
    Page {
        path: "handover add",
        description: "Writes a note for the next person on call; it goes to whoever takes over \
            each role the author holds at the next handoff.",
        examples: &[
            ("mindops handover add 'db-2 disk fills by Friday; cleanup job not verified'", "a note"),
            ("mindops handover add 'deploy freeze until Monday' --by Iris", "for Iris"),
        ],
    },
    Page {
        path: "handover list",
        description: "Lists handover notes since a day, by default since the previous shift \
            began.",
        examples: &[
            ("mindops handover list", "the recent notes"),
            ("mindops handover list --since 2024-08-01 --format json", "since a day, for a script"),
        ],
    },
    Page {
        path: "report",
        description: "The review reports of the seed: weekly, monthly and quarterly, each with \
            its agenda, computed from what was recorded, in text, Markdown, JSON or HTML. A \
            finished period's report never changes.",
        examples: &[
            ("mindops report weekly", "last week's review"),
            ("mindops report monthly --format html --out review.html", "last month as a page"),
        ],
    },
    Page {
        path: "report weekly",
        description: "An ISO week, Monday to Sunday: the metrics against their targets, the \
            incidents and their SLAs, the checklist's completion and the process, with the \
            decisions noted under the agenda's topics.",
        examples: &[
            ("mindops report weekly", "the last complete week"),
            ("mindops report weekly --period 2024-W32 --format markdown", "a given week, for a wiki"),
        ],
    },
    Page {
        path: "report monthly",
        description: "A calendar month: the weekly figures and growth, feature adoption and \
            support trends, compared with the month before.",
        examples: &[
            ("mindops report monthly", "the last complete month"),
            ("mindops report monthly --period 2024-08 --format html --out august.html", "a month as a page"),
        ],
    },
    Page {
        path: "report quarterly",
        description: "A quarter: the strategic view, the roadmap's topics and the team's load, \
            with the quarter's incidents and metrics.",
        examples: &[
            ("mindops report quarterly", "the last complete quarter"),
            ("mindops report quarterly --period 2024-Q3 --format json", "a quarter for a script"),
        ],
    },
    Page {
        path: "review",
        description: "A review meeting's decisions, noted under the topics of the period's \
            agenda; the period's report shows them.",
        examples: &[
            ("mindops review agenda --period 2024-W32", "the agenda and its notes"),
            ("mindops review note --period 2024-W32 --topic incidents 'add a P2 runbook'", "note a decision"),
        ],
    },
    Page {
        path: "review note",
        description: "Notes a decision under an agenda topic of a week, a month or a quarter.",
        examples: &[
            ("mindops review note --period 2024-W32 --topic incidents 'add a P2 runbook'", "a weekly decision"),
            ("mindops review note --period 2024-Q3 --topic team 'hire a fifth engineer' --by Ana", "a quarterly one"),
        ],
    },
    Page {
        path: "review agenda",
        description: "Shows the agenda of a week, a month or a quarter with the notes taken \
            under each topic.",
        examples: &[
            ("mindops review agenda --period 2024-W32", "a week's agenda"),
            ("mindops review agenda --period 2024-Q3 --format json", "a quarter's, for a script"),
        ],
    },
    Page {
        path: "notify",
        description: "Messages to people and rooms go through an outbox in the store: queued in \
            the same transaction as the change they tell of, sent with retries, never lost. \
            These commands send what is due, test a channel and show the outbox.",
        examples: &[
            ("mindops notify flush", "send what is due"),
            ("mindops notify test Felix", "a test message on Felix's channels"),
            ("mindops notify list --failed", "messages that could not be sent"),
        ],
    },
    Page {
        path: "notify flush",
        description: "Queues the reminders that are due (shifts, acknowledged incidents, overdue \
            checklists, the weekly summary), then sends every message due within the budget; \
            what is left stays queued for the next run.",
        examples: &[
            ("mindops notify flush", "as cron runs it"),
            ("mindops notify flush --budget 5m --format json", "a longer run, for a script"),
        ],
    },
    Page {
        path: "notify test",
        description: "Sends a test message now to a person, on each of their channels, or to one \
            named channel, and says whether it arrived.",
        examples: &[
            ("mindops notify test Felix", "Felix's channels"),
            ("mindops notify test team-chat", "one channel"),
        ],
    },
    Page {
        path: "notify list",
        description: "Lists the outbox, oldest first: each message's channel, recipient, state, \
            attempts and last error. It says when it shows only the newest.",
        examples: &[
            ("mindops notify list", "the outbox"),
            ("mindops notify list --incident 42 --format json", "one incident's messages"),
        ],
    },
    Page {
        path: "status",
        description: "The dashboard on one screen: who is on call, the open incidents and their \
            clocks, every metric's last state, the checklist's progress. --watch redraws it \
            until interrupted.",
        examples: &[
            ("mindops status", "the dashboard"),
            ("mindops status --watch 30", "redraw every 30 seconds"),
            ("mindops status --format json", "for a script"),
        ],
    },
    Page {
        path: "serve",
        description: "An HTTP server for what comes from outside: Alertmanager's webhooks open \
            and resolve incidents, heartbeats keep dead-man's switches alive, signed links in \
            messages acknowledge from a phone; it runs cron's checks on their intervals too.",
        examples: &[
            ("mindops serve", "listen where rotation.yaml says"),
            ("mindops serve --listen 0.0.0.0:8787", "listen on every address"),
        ],
    },
    Page {
        path: "heartbeat",
        description: "Records that a job reported in, for a dead-man's switch named under \
            heartbeats: in rotation.yaml, without a server: a job that stops reporting opens an \
            incident.",
        examples: &[
            ("mindops heartbeat nightly-backup", "the backup job reported in"),
            ("backup.sh && mindops heartbeat nightly-backup", "only when the job succeeded"),
        ],
    },
    Page {
        path: "demo",
        description: "Fills an empty database with a realistic, deterministic history (checks, \
            incidents, checklists, notes, overrides) ending now, to try every command on.",
        examples: &[
            ("mindops --db /tmp/demo.db demo", "90 days of history"),
            ("mindops --db /tmp/demo.db demo --days 30 --seed 7", "another month"),
        ],
    },
    Page {
        path: "init",
        description: "Writes the sample rotation.yaml and thresholds.yaml, the seed's team and \
            targets, into a folder, refusing to overwrite files that exist.",
        examples: &[
            ("mindops init", "into ~/.config/mindops"),
            ("mindops init ./ops", "into a folder kept in git"),
        ],
    },
    Page {
        path: "config",
        description: "Checks the configuration: both files, their cross-references, the \
            variables and secrets they name.",
        examples: &[
            ("mindops config check", "check the config in use"),
            ("mindops --config-dir ./ops config check", "check a branch's config"),
        ],
    },
    Page {
        path: "config check",
        description: "Checks rotation.yaml and thresholds.yaml and their cross-references, and \
            reports every mistake it finds at once with its file, line and column; exits 0 \
            when valid, 2 when not, 1 when valid but a variable or secret it names is missing \
            or the file's time off leaves a role empty in the next 12 weeks. A version of the \
            team that starts before the last recorded page is refused unless \
            --rewrite-history.",
        examples: &[
            ("mindops config check", "check the config in use"),
            ("mindops --config-dir ./ops config check", "check another folder, as in CI"),
        ],
    },
    Page {
        path: "db",
        description: "The store: where it is, its schema and what it holds, and copying a whole \
            history between SQLite and PostgreSQL.",
        examples: &[
            ("mindops db status", "the store in use"),
            ("mindops db copy --to postgres://ops@db.internal/mindops", "move to a shared PostgreSQL"),
        ],
    },
    Page {
        path: "db status",
        description: "Shows the backend, where it is, its schema version and how many rows each \
            table holds.",
        examples: &[
            ("mindops db status", "the store in use"),
            ("mindops --db /tmp/demo.db db status --format json", "another store, for a script"),
        ],
    },
    Page {
        path: "db backup",
        description: "Backs up a SQLite store to a file with SQLite's online backup API, in one \
            step, so the copy is the database as of one instant while cron jobs and the server \
            go on writing; the copy is checked, private, and put in place whole. A PostgreSQL \
            store is backed up with pg_dump, or copied into a SQLite file with db copy.",
        examples: &[
            ("mindops db backup --to /backup/mindops.db", "a consistent copy of the store in use"),
            ("mindops --db /tmp/demo.db db backup --to /tmp/demo-backup.db", "of another store"),
        ],
    },
    Page {
        path: "db copy",
        description: "Copies a whole history from one store to another (SQLite or PostgreSQL, \
            either way) in one transaction, checked row count by row count; the target must be \
            empty unless --replace.",
        examples: &[
            ("mindops db copy --to postgres://ops@db.internal/mindops", "into a shared PostgreSQL"),
            ("mindops db copy --from postgres://ops@db.internal/mindops --to backup.db", "back to a file"),
        ],
    },
    Page {
        path: "completions",
        description: "Prints the completion script for a shell; bash's also completes \
            severities, roles, people, open incidents, zones and periods from the config and \
            store.",
        examples: &[
            ("mindops completions bash > ~/.local/share/bash-completion/completions/mindops", "bash"),
            ("mindops completions zsh > ~/.zfunc/_mindops", "zsh"),
        ],
    },
    Page {
        path: "man",
        description: "Prints a command's man page in roff, or with --out writes one page per \
            command into a folder.",
        examples: &[
            ("mindops man incident open | man -l -", "read one page"),
            ("mindops man --out ~/.local/share/man/man1", "install every page"),
        ],
    },
];

/// The page of the command at `path`.
pub fn page(path: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.path == path)
}

/// The examples as `--help` shows them after the options.
pub fn examples_text(page: &Page) -> String {
    let mut out = String::from("Examples:\n");
    for (line, what) in page.examples {
        out.push_str(&format!("  {line}\n      {what}\n"));
    }
    out
}

/// The command tree with each page's description and examples on its long help.
pub fn documented(command: clap::Command) -> clap::Command {
    fn walk(mut cmd: clap::Command, path: &str) -> clap::Command {
        if let Some(page) = page(path) {
            let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
            // A page that has text after its options already (the root's getting started
            // and exit codes) keeps it, the examples after it.
            let after = match cmd.get_after_help() {
                Some(text) => format!("{text}\n\n{}", examples_text(page)),
                None => examples_text(page),
            };
            cmd = cmd
                .long_about(format!("{about}\n\n{}", page.description))
                .after_long_help(after);
        }
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for name in names {
            let child = if path.is_empty() {
                name.clone()
            } else {
                format!("{path} {name}")
            };
            cmd = cmd.mut_subcommand(&name, |sub| walk(sub, &child));
        }
        cmd
    }
    walk(command, "")
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::PAGES;
    use crate::cli::Cli;

    /// The words of the `mindops …` part of an example line as a shell would split them:
    /// single quotes group, and a pipe, a redirection or `&&` ends the command.
    fn mindops_words(line: &str) -> Vec<String> {
        let start = line.find("mindops").expect("an example runs mindops");
        let (mut words, mut word, mut quoted) = (Vec::new(), String::new(), false);
        for c in line[start..].chars() {
            match c {
                '\'' => quoted = !quoted,
                ' ' if !quoted => {
                    if ["|", ">", "&&"].contains(&word.as_str()) {
                        return words;
                    }
                    if !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                    }
                }
                _ => word.push(c),
            }
        }
        if !word.is_empty() && !["|", ">", "&&"].contains(&word.as_str()) {
            words.push(word);
        }
        words
    }

    #[test]
    fn every_example_parses_with_the_real_command_line() {
        for page in PAGES {
            assert!(
                page.examples.len() >= 2,
                "{:?} needs two examples",
                page.path
            );
            for (line, _) in page.examples {
                let words = mindops_words(line);
                if let Err(e) = Cli::try_parse_from(&words) {
                    panic!("{line}: {e}");
                }
            }
        }
    }

    #[test]
    fn every_command_has_exactly_one_page() {
        fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
            out.push(path.to_string());
            for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
                let child = format!("{path} {}", sub.get_name());
                walk(sub, child.trim(), out);
            }
        }
        let mut paths = Vec::new();
        walk(&Cli::command(), "", &mut paths);
        paths.retain(|p| p != "help" && !p.ends_with(" help") && !p.starts_with("help "));
        let mut documented: Vec<String> = PAGES.iter().map(|p| p.path.to_string()).collect();
        paths.sort();
        documented.sort();
        assert_eq!(paths, documented);
    }
}
