
use builtin;
use str;

set edit:completion:arg-completer[mindops] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mindops'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mindops'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand oncall 'Who holds which role now or at any time; schedules, overrides, calendar export'
            cand incident 'Incidents: open, acknowledge, escalate, close, with SLA clocks and a timeline'
            cand metrics 'Check metric values against thresholds.yaml (for cron and Nagios), history, thresholds'
            cand checklist 'The daily checklist: who did what, what is overdue'
            cand handover 'Notes handed to the next person on call'
            cand report 'Weekly, monthly and quarterly reviews from what was recorded'
            cand review 'A review meeting''s decisions, noted under its agenda''s topics and shown in its report'
            cand slo 'Service level objectives: error budgets and burn-rate alerts, judged from the history'
            cand notify 'Messages to people and chat rooms: send what is queued, test a channel, list the outbox'
            cand status 'The monitoring dashboard on one screen'
            cand serve 'Listen for alerts, heartbeats and acknowledgements from links; run cron''s work too'
            cand heartbeat 'Record that a job reported in (a dead-man''s switch), without a server'
            cand demo 'Fill a database with a realistic, deterministic history to try mindops on'
            cand init 'Write the sample rotation.yaml and thresholds.yaml into a folder'
            cand db 'The store: where it is and what it holds; copy a history between stores'
            cand config 'Validate the configuration'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff): mindops''s own, or a command''s; or write them all to a folder'
            cand complete 'Values for shell completion, one a line (the completion scripts call it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;oncall'= {
            cand --date 'The shift covering this day (YYYY-MM-DD, in the rotation''s zone)'
            cand --at 'An instant (RFC 3339, e.g. 2024-08-07T10:00:00Z)'
            cand --role 'Only this role'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand schedule 'The coming shifts, one row each'
            cand override 'Temporary replacements of a role''s holder'
            cand export 'Export shifts as an iCalendar (RFC 5545) file'
            cand check 'Check coverage and fairness over the coming weeks (exit 1 on a problem)'
            cand off 'Time off: the person holds no role over whole days, and the cover rule fills theirs'
            cand swap 'Swap two people''s roles for one shift (two overrides, made and told as one)'
            cand plan 'Who would hold each role under another config (a branch''s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)'
            cand load 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;oncall;schedule'= {
            cand --from 'First day (YYYY-MM-DD) [default: today]'
            cand --weeks 'How many weeks from --from'
            cand --to 'Last day, inclusive (YYYY-MM-DD)'
            cand --person 'Only this person''s shifts, with the role they hold'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;override'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Give a role to someone else for a while'
            cand list 'Overrides in force now or later (--all for past and removed ones too)'
            cand remove 'Remove an override (it is kept in the store, marked removed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;oncall;override;add'= {
            cand --role 'The role taken over'
            cand --person 'Who takes it'
            cand --from 'Start: RFC 3339, YYYY-MM-DD or YYYY-MM-DDTHH:MM (rotation zone), or "now"'
            cand --to 'End, exclusive, in the same forms as --from'
            cand --reason 'Why, for the record'
            cand --by 'Who makes the override [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --force 'Allow the person to hold two roles at once'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;override;list'= {
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --all 'Include ended and removed overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;override;remove'= {
            cand --by 'Who removes it [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;override;help'= {
            cand add 'Give a role to someone else for a while'
            cand list 'Overrides in force now or later (--all for past and removed ones too)'
            cand remove 'Remove an override (it is kept in the store, marked removed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;oncall;override;help;add'= {
        }
        &'mindops;oncall;override;help;list'= {
        }
        &'mindops;oncall;override;help;remove'= {
        }
        &'mindops;oncall;override;help;help'= {
        }
        &'mindops;oncall;export'= {
            cand --from 'First day (YYYY-MM-DD) [default: today]'
            cand --weeks 'How many weeks from --from'
            cand --to 'Last day, inclusive (YYYY-MM-DD)'
            cand --person 'Only this person''s shifts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --ics 'iCalendar output (the only export format, and the default)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;check'= {
            cand --weeks 'How many weeks ahead to check'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;off'= {
            cand --from 'The first day off (YYYY-MM-DD, in the rotation''s zone)'
            cand --to 'The last day off, included (YYYY-MM-DD)'
            cand --reason 'Why, for the record and the people told'
            cand --by 'Who records it [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;swap'= {
            cand --week 'The shift: its number (as `oncall` shows it, the seed''s "Week 2") or a day in it'
            cand --reason 'Why, for the record and the people told'
            cand --by 'Who records it [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;plan'= {
            cand --against 'The folder holding the other rotation.yaml (a checkout of the branch)'
            cand --weeks 'How many weeks from now to compare'
            cand --format 'table for people, markdown for a pull request''s comment, json for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;load'= {
            cand --period 'A week (2024-W32), a month (2024-08) or a quarter (2024-Q3) [default: the last complete month]'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;oncall;help'= {
            cand schedule 'The coming shifts, one row each'
            cand override 'Temporary replacements of a role''s holder'
            cand export 'Export shifts as an iCalendar (RFC 5545) file'
            cand check 'Check coverage and fairness over the coming weeks (exit 1 on a problem)'
            cand off 'Time off: the person holds no role over whole days, and the cover rule fills theirs'
            cand swap 'Swap two people''s roles for one shift (two overrides, made and told as one)'
            cand plan 'Who would hold each role under another config (a branch''s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)'
            cand load 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;oncall;help;schedule'= {
        }
        &'mindops;oncall;help;override'= {
            cand add 'Give a role to someone else for a while'
            cand list 'Overrides in force now or later (--all for past and removed ones too)'
            cand remove 'Remove an override (it is kept in the store, marked removed)'
        }
        &'mindops;oncall;help;override;add'= {
        }
        &'mindops;oncall;help;override;list'= {
        }
        &'mindops;oncall;help;override;remove'= {
        }
        &'mindops;oncall;help;export'= {
        }
        &'mindops;oncall;help;check'= {
        }
        &'mindops;oncall;help;off'= {
        }
        &'mindops;oncall;help;swap'= {
        }
        &'mindops;oncall;help;plan'= {
        }
        &'mindops;oncall;help;load'= {
        }
        &'mindops;oncall;help;help'= {
        }
        &'mindops;incident'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand open 'Open an incident and page the roles its severity names'
            cand simulate 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)'
            cand ack 'Acknowledge: stops the response clock and timeout escalations'
            cand escalate 'Page the next role of the chain, or raise the severity with --sev'
            cand update 'Change the severity (either way), title or description; every change is logged'
            cand phase 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)'
            cand step 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)'
            cand note 'Add a note to the timeline'
            cand close 'Close with a resolution'
            cand reopen 'Reopen a closed incident'
            cand list 'Incidents, newest first, with their SLA state'
            cand show 'Every field and the whole timeline'
            cand check 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)'
            cand review 'A post-incident review in Markdown'
            cand action 'Follow-up actions from a review'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;incident;open'= {
            cand --sev 'Severity key from thresholds.yaml, e.g. P1'
            cand --title 'What is wrong, in one line'
            cand --description 'More detail: what is seen, where, since when'
            cand --dedup-key 'While an incident with this key is open, opening again adds to it instead'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;simulate'= {
            cand --sev 'Severity key from thresholds.yaml, e.g. P1'
            cand --at 'When the incident opens: RFC 3339, a date, a local date and time, or now [default: now]'
            cand --acked-after 'Someone acknowledges this long after it opens (e.g. 40m) [default: nobody does]'
            cand --format 'table for people; json for scripts and tests'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;ack'= {
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;escalate'= {
            cand --sev 'Raise to this severity (due times recomputed from the open time)'
            cand --reason 'Why, for the timeline'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;update'= {
            cand --sev 'A severity key from thresholds.yaml, e.g. P1'
            cand --title 'A new title'
            cand --description 'More detail: what is seen, where, since when'
            cand --reason 'Why, for the timeline'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;phase'= {
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;step'= {
            cand --note 'A note kept with it'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;note'= {
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;close'= {
            cand --resolution 'What fixed it (required)'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;reopen'= {
            cand --reason 'Why, for the timeline'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;list'= {
            cand --sev 'A severity key from thresholds.yaml, e.g. P1'
            cand --since 'Opened on or after this day (YYYY-MM-DD)'
            cand --limit 'At most this many'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --open 'Only incidents not closed (the default)'
            cand --all 'Closed incidents too'
            cand --breaching 'Only incidents past a due time'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;show'= {
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;check'= {
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;review'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;action'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Add a follow-up action to an incident'
            cand done 'Mark an action done'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;incident;action;add'= {
            cand --owner 'Who will do it'
            cand --due 'Due day (YYYY-MM-DD) [default: a week from today]'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;action;done'= {
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;incident;action;help'= {
            cand add 'Add a follow-up action to an incident'
            cand done 'Mark an action done'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;incident;action;help;add'= {
        }
        &'mindops;incident;action;help;done'= {
        }
        &'mindops;incident;action;help;help'= {
        }
        &'mindops;incident;help'= {
            cand open 'Open an incident and page the roles its severity names'
            cand simulate 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)'
            cand ack 'Acknowledge: stops the response clock and timeout escalations'
            cand escalate 'Page the next role of the chain, or raise the severity with --sev'
            cand update 'Change the severity (either way), title or description; every change is logged'
            cand phase 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)'
            cand step 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)'
            cand note 'Add a note to the timeline'
            cand close 'Close with a resolution'
            cand reopen 'Reopen a closed incident'
            cand list 'Incidents, newest first, with their SLA state'
            cand show 'Every field and the whole timeline'
            cand check 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)'
            cand review 'A post-incident review in Markdown'
            cand action 'Follow-up actions from a review'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;incident;help;open'= {
        }
        &'mindops;incident;help;simulate'= {
        }
        &'mindops;incident;help;ack'= {
        }
        &'mindops;incident;help;escalate'= {
        }
        &'mindops;incident;help;update'= {
        }
        &'mindops;incident;help;phase'= {
        }
        &'mindops;incident;help;step'= {
        }
        &'mindops;incident;help;note'= {
        }
        &'mindops;incident;help;close'= {
        }
        &'mindops;incident;help;reopen'= {
        }
        &'mindops;incident;help;list'= {
        }
        &'mindops;incident;help;show'= {
        }
        &'mindops;incident;help;check'= {
        }
        &'mindops;incident;help;review'= {
        }
        &'mindops;incident;help;action'= {
            cand add 'Add a follow-up action to an incident'
            cand done 'Mark an action done'
        }
        &'mindops;incident;help;action;add'= {
        }
        &'mindops;incident;help;action;done'= {
        }
        &'mindops;incident;help;help'= {
        }
        &'mindops;metrics'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand check 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
            cand record 'Store values as they are, e.g. from a daily job, without checking the other metrics'
            cand history 'Recorded values of one metric'
            cand list 'The metrics and their thresholds'
            cand replay 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing'
            cand import 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;metrics;check'= {
            cand --input 'Read values from a file, or - for standard input'
            cand --input-format 'How --input is written [default: told by the file name, else the content]'
            cand --max-input-mib 'The most an input file or a command''s output may hold, in MiB'
            cand --prom-out 'Also write values and states in Prometheus text format to FILE (atomically)'
            cand --format 'How to print: a table, json, csv, or nagios (one plugin line with perfdata)'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --only-given 'Check only the metrics given a value (no sources asked, no recorded values used)'
            cand --no-record 'Do not record the values'
            cand --open-incidents 'Open an incident for each CRITICAL metric (as `incidents: true` in thresholds.yaml)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;metrics;record'= {
            cand --input 'Read values from a file, or - for standard input'
            cand --input-format 'How --input is written [default: told by the file name, else the content]'
            cand --max-input-mib 'The most an input file or a command''s output may hold, in MiB'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;metrics;history'= {
            cand --since 'From this day on (YYYY-MM-DD) [default: the last 7 days]'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;metrics;list'= {
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;metrics;replay'= {
            cand --from 'From this day on (YYYY-MM-DD, in the rotation''s zone)'
            cand --to 'Up to the end of this day [default: today]'
            cand --format 'How to print: a table for people, or json for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;metrics;import'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;metrics;help'= {
            cand check 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
            cand record 'Store values as they are, e.g. from a daily job, without checking the other metrics'
            cand history 'Recorded values of one metric'
            cand list 'The metrics and their thresholds'
            cand replay 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing'
            cand import 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;metrics;help;check'= {
        }
        &'mindops;metrics;help;record'= {
        }
        &'mindops;metrics;help;history'= {
        }
        &'mindops;metrics;help;list'= {
        }
        &'mindops;metrics;help;replay'= {
        }
        &'mindops;metrics;help;import'= {
        }
        &'mindops;metrics;help;help'= {
        }
        &'mindops;checklist'= {
            cand --date 'The day (YYYY-MM-DD) [default: today]'
            cand --slot 'Only this slot (morning, afternoon, evening)'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand done 'Tick items: by id (morning.verify-backups), number, or a prefix of the text'
            cand undo 'Untick items'
            cand status 'For cron: exit 1 naming the items whose deadline has passed undone'
            cand history 'Completion per day and per person'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;checklist;done'= {
            cand --date 'The day (YYYY-MM-DD) [default: today]'
            cand --note 'A note kept with it'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;checklist;undo'= {
            cand --date 'The day (YYYY-MM-DD) [default: today]'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;checklist;status'= {
            cand --date 'The day (YYYY-MM-DD) [default: today]'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;checklist;history'= {
            cand --from 'First day [default: six days before --to]'
            cand --to 'Last day, inclusive [default: today]'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;checklist;help'= {
            cand done 'Tick items: by id (morning.verify-backups), number, or a prefix of the text'
            cand undo 'Untick items'
            cand status 'For cron: exit 1 naming the items whose deadline has passed undone'
            cand history 'Completion per day and per person'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;checklist;help;done'= {
        }
        &'mindops;checklist;help;undo'= {
        }
        &'mindops;checklist;help;status'= {
        }
        &'mindops;checklist;help;history'= {
        }
        &'mindops;checklist;help;help'= {
        }
        &'mindops;handover'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Write a note for the next person on call'
            cand list 'Notes since a day [default: since the current shift began]'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;handover;add'= {
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;handover;list'= {
            cand --since 'From this day on (YYYY-MM-DD) [default: since the previous handoff]'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;handover;help'= {
            cand add 'Write a note for the next person on call'
            cand list 'Notes since a day [default: since the current shift began]'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;handover;help;add'= {
        }
        &'mindops;handover;help;list'= {
        }
        &'mindops;handover;help;help'= {
        }
        &'mindops;report'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand weekly 'An ISO week (Monday to Sunday): performance, incidents, process'
            cand monthly 'A calendar month: adds growth, feature adoption, support trends'
            cand quarterly 'A quarter: the strategic view and the team'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;report;weekly'= {
            cand --period '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]'
            cand --format 'How to print: markdown, json or html'
            cand --out 'Write to FILE instead of standard output'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;report;monthly'= {
            cand --period '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]'
            cand --format 'How to print: markdown, json or html'
            cand --out 'Write to FILE instead of standard output'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;report;quarterly'= {
            cand --period '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]'
            cand --format 'How to print: markdown, json or html'
            cand --out 'Write to FILE instead of standard output'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;report;help'= {
            cand weekly 'An ISO week (Monday to Sunday): performance, incidents, process'
            cand monthly 'A calendar month: adds growth, feature adoption, support trends'
            cand quarterly 'A quarter: the strategic view and the team'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;report;help;weekly'= {
        }
        &'mindops;report;help;monthly'= {
        }
        &'mindops;report;help;quarterly'= {
        }
        &'mindops;report;help;help'= {
        }
        &'mindops;review'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand note 'Note a decision under an agenda topic of a review period'
            cand agenda 'The agenda of a review period, with the notes under each topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;review;note'= {
            cand --period 'The period: a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)'
            cand --topic 'The agenda topic: weekly performance, feedback, incidents, process; monthly growth, adoption, support, resources; quarterly strategy, roadmap, team, budget'
            cand --by 'Who is acting [default: $MINDOPS_USER, else $USER]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;review;agenda'= {
            cand --period 'The period: a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)'
            cand --format 'How to print: a table for people, or json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;review;help'= {
            cand note 'Note a decision under an agenda topic of a review period'
            cand agenda 'The agenda of a review period, with the notes under each topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;review;help;note'= {
        }
        &'mindops;review;help;agenda'= {
        }
        &'mindops;review;help;help'= {
        }
        &'mindops;slo'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand status 'Each SLO''s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown'
            cand export 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;slo;status'= {
            cand --format 'How to print: a table for people, or json for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;slo;export'= {
            cand --format 'Sloth''s prometheus/v1 spec, or Pyrra''s ServiceLevelObjective resources'
            cand --service 'The service the SLOs belong to (Sloth''s service, Pyrra''s namespace label)'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;slo;help'= {
            cand status 'Each SLO''s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown'
            cand export 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;slo;help;status'= {
        }
        &'mindops;slo;help;export'= {
        }
        &'mindops;slo;help;help'= {
        }
        &'mindops;notify'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand flush 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff'
            cand test 'Send a test message to a person (on their channels) or to one channel, now'
            cand list 'The outbox: each message''s state, attempts and last error, oldest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;notify;flush'= {
            cand --budget 'Stop sending after this long; what is left stays queued [default: 1m]'
            cand --format 'table for people; json for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;notify;test'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;notify;list'= {
            cand --incident 'Only messages about this incident'
            cand --limit 'The newest this many'
            cand --format 'table for people; json, csv or plain for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --failed 'Only messages given up on'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;notify;help'= {
            cand flush 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff'
            cand test 'Send a test message to a person (on their channels) or to one channel, now'
            cand list 'The outbox: each message''s state, attempts and last error, oldest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;notify;help;flush'= {
        }
        &'mindops;notify;help;test'= {
        }
        &'mindops;notify;help;list'= {
        }
        &'mindops;notify;help;help'= {
        }
        &'mindops;status'= {
            cand --watch 'Redraw every SECONDS until interrupted'
            cand --format 'How to print: the screen for people, or json for scripts (a dashboard is no list, so there is no csv or plain)'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;serve'= {
            cand --listen 'Address and port to listen on [default: serve.listen in rotation.yaml, else 127.0.0.1:8787]'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;heartbeat'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;demo'= {
            cand --days 'How many days of history, ending now'
            cand --seed 'The same seed gives the same history'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --force 'Add the history even though the database already holds data'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;init'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;db'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand status 'The backend, where it is, its schema version and how many rows each table holds'
            cand backup 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)'
            cand copy 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;db;status'= {
            cand --format 'table for people; json, csv, or plain (`TABLE ROWS` lines) for scripts'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;db;backup'= {
            cand --to 'The file to write; replaced whole if it exists'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;db;copy'= {
            cand --from 'The store to read [default: --db]'
            cand --to 'The store to fill; it must be empty unless --replace'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --replace 'Delete everything the target holds first'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;db;help'= {
            cand status 'The backend, where it is, its schema version and how many rows each table holds'
            cand backup 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)'
            cand copy 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;db;help;status'= {
        }
        &'mindops;db;help;backup'= {
        }
        &'mindops;db;help;copy'= {
        }
        &'mindops;db;help;help'= {
        }
        &'mindops;config'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand check 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;config;check'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand --rewrite-history 'Accept a version of the team that starts before the last recorded page, changing who the history says was on call'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;config;help'= {
            cand check 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;config;help;check'= {
        }
        &'mindops;config;help;help'= {
        }
        &'mindops;completions'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;man'= {
            cand --out 'Write every page (mindops.1, mindops-incident.1, ...) into this folder instead'
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;complete'= {
            cand --config-dir 'Folder holding rotation.yaml and thresholds.yaml'
            cand --db 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]'
            cand --tz 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)'
            cand --color 'When to colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mindops;help'= {
            cand oncall 'Who holds which role now or at any time; schedules, overrides, calendar export'
            cand incident 'Incidents: open, acknowledge, escalate, close, with SLA clocks and a timeline'
            cand metrics 'Check metric values against thresholds.yaml (for cron and Nagios), history, thresholds'
            cand checklist 'The daily checklist: who did what, what is overdue'
            cand handover 'Notes handed to the next person on call'
            cand report 'Weekly, monthly and quarterly reviews from what was recorded'
            cand review 'A review meeting''s decisions, noted under its agenda''s topics and shown in its report'
            cand slo 'Service level objectives: error budgets and burn-rate alerts, judged from the history'
            cand notify 'Messages to people and chat rooms: send what is queued, test a channel, list the outbox'
            cand status 'The monitoring dashboard on one screen'
            cand serve 'Listen for alerts, heartbeats and acknowledgements from links; run cron''s work too'
            cand heartbeat 'Record that a job reported in (a dead-man''s switch), without a server'
            cand demo 'Fill a database with a realistic, deterministic history to try mindops on'
            cand init 'Write the sample rotation.yaml and thresholds.yaml into a folder'
            cand db 'The store: where it is and what it holds; copy a history between stores'
            cand config 'Validate the configuration'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff): mindops''s own, or a command''s; or write them all to a folder'
            cand complete 'Values for shell completion, one a line (the completion scripts call it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mindops;help;oncall'= {
            cand schedule 'The coming shifts, one row each'
            cand override 'Temporary replacements of a role''s holder'
            cand export 'Export shifts as an iCalendar (RFC 5545) file'
            cand check 'Check coverage and fairness over the coming weeks (exit 1 on a problem)'
            cand off 'Time off: the person holds no role over whole days, and the cover rule fills theirs'
            cand swap 'Swap two people''s roles for one shift (two overrides, made and told as one)'
            cand plan 'Who would hold each role under another config (a branch''s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)'
            cand load 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell'
        }
        &'mindops;help;oncall;schedule'= {
        }
        &'mindops;help;oncall;override'= {
            cand add 'Give a role to someone else for a while'
            cand list 'Overrides in force now or later (--all for past and removed ones too)'
            cand remove 'Remove an override (it is kept in the store, marked removed)'
        }
        &'mindops;help;oncall;override;add'= {
        }
        &'mindops;help;oncall;override;list'= {
        }
        &'mindops;help;oncall;override;remove'= {
        }
        &'mindops;help;oncall;export'= {
        }
        &'mindops;help;oncall;check'= {
        }
        &'mindops;help;oncall;off'= {
        }
        &'mindops;help;oncall;swap'= {
        }
        &'mindops;help;oncall;plan'= {
        }
        &'mindops;help;oncall;load'= {
        }
        &'mindops;help;incident'= {
            cand open 'Open an incident and page the roles its severity names'
            cand simulate 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)'
            cand ack 'Acknowledge: stops the response clock and timeout escalations'
            cand escalate 'Page the next role of the chain, or raise the severity with --sev'
            cand update 'Change the severity (either way), title or description; every change is logged'
            cand phase 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)'
            cand step 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)'
            cand note 'Add a note to the timeline'
            cand close 'Close with a resolution'
            cand reopen 'Reopen a closed incident'
            cand list 'Incidents, newest first, with their SLA state'
            cand show 'Every field and the whole timeline'
            cand check 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)'
            cand review 'A post-incident review in Markdown'
            cand action 'Follow-up actions from a review'
        }
        &'mindops;help;incident;open'= {
        }
        &'mindops;help;incident;simulate'= {
        }
        &'mindops;help;incident;ack'= {
        }
        &'mindops;help;incident;escalate'= {
        }
        &'mindops;help;incident;update'= {
        }
        &'mindops;help;incident;phase'= {
        }
        &'mindops;help;incident;step'= {
        }
        &'mindops;help;incident;note'= {
        }
        &'mindops;help;incident;close'= {
        }
        &'mindops;help;incident;reopen'= {
        }
        &'mindops;help;incident;list'= {
        }
        &'mindops;help;incident;show'= {
        }
        &'mindops;help;incident;check'= {
        }
        &'mindops;help;incident;review'= {
        }
        &'mindops;help;incident;action'= {
            cand add 'Add a follow-up action to an incident'
            cand done 'Mark an action done'
        }
        &'mindops;help;incident;action;add'= {
        }
        &'mindops;help;incident;action;done'= {
        }
        &'mindops;help;metrics'= {
            cand check 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
            cand record 'Store values as they are, e.g. from a daily job, without checking the other metrics'
            cand history 'Recorded values of one metric'
            cand list 'The metrics and their thresholds'
            cand replay 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing'
            cand import 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded'
        }
        &'mindops;help;metrics;check'= {
        }
        &'mindops;help;metrics;record'= {
        }
        &'mindops;help;metrics;history'= {
        }
        &'mindops;help;metrics;list'= {
        }
        &'mindops;help;metrics;replay'= {
        }
        &'mindops;help;metrics;import'= {
        }
        &'mindops;help;checklist'= {
            cand done 'Tick items: by id (morning.verify-backups), number, or a prefix of the text'
            cand undo 'Untick items'
            cand status 'For cron: exit 1 naming the items whose deadline has passed undone'
            cand history 'Completion per day and per person'
        }
        &'mindops;help;checklist;done'= {
        }
        &'mindops;help;checklist;undo'= {
        }
        &'mindops;help;checklist;status'= {
        }
        &'mindops;help;checklist;history'= {
        }
        &'mindops;help;handover'= {
            cand add 'Write a note for the next person on call'
            cand list 'Notes since a day [default: since the current shift began]'
        }
        &'mindops;help;handover;add'= {
        }
        &'mindops;help;handover;list'= {
        }
        &'mindops;help;report'= {
            cand weekly 'An ISO week (Monday to Sunday): performance, incidents, process'
            cand monthly 'A calendar month: adds growth, feature adoption, support trends'
            cand quarterly 'A quarter: the strategic view and the team'
        }
        &'mindops;help;report;weekly'= {
        }
        &'mindops;help;report;monthly'= {
        }
        &'mindops;help;report;quarterly'= {
        }
        &'mindops;help;review'= {
            cand note 'Note a decision under an agenda topic of a review period'
            cand agenda 'The agenda of a review period, with the notes under each topic'
        }
        &'mindops;help;review;note'= {
        }
        &'mindops;help;review;agenda'= {
        }
        &'mindops;help;slo'= {
            cand status 'Each SLO''s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown'
            cand export 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them'
        }
        &'mindops;help;slo;status'= {
        }
        &'mindops;help;slo;export'= {
        }
        &'mindops;help;notify'= {
            cand flush 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff'
            cand test 'Send a test message to a person (on their channels) or to one channel, now'
            cand list 'The outbox: each message''s state, attempts and last error, oldest first'
        }
        &'mindops;help;notify;flush'= {
        }
        &'mindops;help;notify;test'= {
        }
        &'mindops;help;notify;list'= {
        }
        &'mindops;help;status'= {
        }
        &'mindops;help;serve'= {
        }
        &'mindops;help;heartbeat'= {
        }
        &'mindops;help;demo'= {
        }
        &'mindops;help;init'= {
        }
        &'mindops;help;db'= {
            cand status 'The backend, where it is, its schema version and how many rows each table holds'
            cand backup 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)'
            cand copy 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count'
        }
        &'mindops;help;db;status'= {
        }
        &'mindops;help;db;backup'= {
        }
        &'mindops;help;db;copy'= {
        }
        &'mindops;help;config'= {
            cand check 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)'
        }
        &'mindops;help;config;check'= {
        }
        &'mindops;help;completions'= {
        }
        &'mindops;help;man'= {
        }
        &'mindops;help;complete'= {
        }
        &'mindops;help;help'= {
        }
    ]
    $completions[$command]
}
