
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mindops' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mindops'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mindops' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('oncall', 'oncall', [CompletionResultType]::ParameterValue, 'Who holds which role now or at any time; schedules, overrides, calendar export')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, 'Incidents: open, acknowledge, escalate, close, with SLA clocks and a timeline')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Check metric values against thresholds.yaml (for cron and Nagios), history, thresholds')
            [CompletionResult]::new('checklist', 'checklist', [CompletionResultType]::ParameterValue, 'The daily checklist: who did what, what is overdue')
            [CompletionResult]::new('handover', 'handover', [CompletionResultType]::ParameterValue, 'Notes handed to the next person on call')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Weekly, monthly and quarterly reviews from what was recorded')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'A review meeting''s decisions, noted under its agenda''s topics and shown in its report')
            [CompletionResult]::new('slo', 'slo', [CompletionResultType]::ParameterValue, 'Service level objectives: error budgets and burn-rate alerts, judged from the history')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Messages to people and chat rooms: send what is queued, test a channel, list the outbox')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The monitoring dashboard on one screen')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Listen for alerts, heartbeats and acknowledgements from links; run cron''s work too')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'Record that a job reported in (a dead-man''s switch), without a server')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Fill a database with a realistic, deterministic history to try mindops on')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write the sample rotation.yaml and thresholds.yaml into a folder')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The store: where it is and what it holds; copy a history between stores')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate the configuration')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): mindops''s own, or a command''s; or write them all to a folder')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Values for shell completion, one a line (the completion scripts call it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;oncall' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The shift covering this day (YYYY-MM-DD, in the rotation''s zone)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'An instant (RFC 3339, e.g. 2024-08-07T10:00:00Z)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only this role')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The coming shifts, one row each')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Temporary replacements of a role''s holder')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export shifts as an iCalendar (RFC 5545) file')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check coverage and fairness over the coming weeks (exit 1 on a problem)')
            [CompletionResult]::new('off', 'off', [CompletionResultType]::ParameterValue, 'Time off: the person holds no role over whole days, and the cover rule fills theirs')
            [CompletionResult]::new('swap', 'swap', [CompletionResultType]::ParameterValue, 'Swap two people''s roles for one shift (two overrides, made and told as one)')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Who would hold each role under another config (a branch''s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;oncall;schedule' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day (YYYY-MM-DD) [default: today]')
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'How many weeks from --from')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last day, inclusive (YYYY-MM-DD)')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only this person''s shifts, with the role they hold')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;override' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a role to someone else for a while')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Overrides in force now or later (--all for past and removed ones too)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an override (it is kept in the store, marked removed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;oncall;override;add' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'The role taken over')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Who takes it')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start: RFC 3339, YYYY-MM-DD or YYYY-MM-DDTHH:MM (rotation zone), or "now"')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'End, exclusive, in the same forms as --from')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the record')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who makes the override [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow the person to hold two roles at once')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;override;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include ended and removed overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;override;remove' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who removes it [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;override;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a role to someone else for a while')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Overrides in force now or later (--all for past and removed ones too)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an override (it is kept in the store, marked removed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;oncall;override;help;add' {
            break
        }
        'mindops;oncall;override;help;list' {
            break
        }
        'mindops;oncall;override;help;remove' {
            break
        }
        'mindops;oncall;override;help;help' {
            break
        }
        'mindops;oncall;export' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day (YYYY-MM-DD) [default: today]')
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'How many weeks from --from')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last day, inclusive (YYYY-MM-DD)')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only this person''s shifts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--ics', '--ics', [CompletionResultType]::ParameterName, 'iCalendar output (the only export format, and the default)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;check' {
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'How many weeks ahead to check')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;off' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The first day off (YYYY-MM-DD, in the rotation''s zone)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The last day off, included (YYYY-MM-DD)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the record and the people told')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who records it [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;swap' {
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'The shift: its number (as `oncall` shows it, the seed''s "Week 2") or a day in it')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the record and the people told')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who records it [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;plan' {
            [CompletionResult]::new('--against', '--against', [CompletionResultType]::ParameterName, 'The folder holding the other rotation.yaml (a checkout of the branch)')
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'How many weeks from now to compare')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'table for people, markdown for a pull request''s comment, json for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;load' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'A week (2024-W32), a month (2024-08) or a quarter (2024-Q3) [default: the last complete month]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;help' {
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The coming shifts, one row each')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Temporary replacements of a role''s holder')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export shifts as an iCalendar (RFC 5545) file')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check coverage and fairness over the coming weeks (exit 1 on a problem)')
            [CompletionResult]::new('off', 'off', [CompletionResultType]::ParameterValue, 'Time off: the person holds no role over whole days, and the cover rule fills theirs')
            [CompletionResult]::new('swap', 'swap', [CompletionResultType]::ParameterValue, 'Swap two people''s roles for one shift (two overrides, made and told as one)')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Who would hold each role under another config (a branch''s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;oncall;help;schedule' {
            break
        }
        'mindops;oncall;help;override' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a role to someone else for a while')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Overrides in force now or later (--all for past and removed ones too)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an override (it is kept in the store, marked removed)')
            break
        }
        'mindops;oncall;help;override;add' {
            break
        }
        'mindops;oncall;help;override;list' {
            break
        }
        'mindops;oncall;help;override;remove' {
            break
        }
        'mindops;oncall;help;export' {
            break
        }
        'mindops;oncall;help;check' {
            break
        }
        'mindops;oncall;help;off' {
            break
        }
        'mindops;oncall;help;swap' {
            break
        }
        'mindops;oncall;help;plan' {
            break
        }
        'mindops;oncall;help;load' {
            break
        }
        'mindops;oncall;help;help' {
            break
        }
        'mindops;incident' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident and page the roles its severity names')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge: stops the response clock and timeout escalations')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Page the next role of the chain, or raise the severity with --sev')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the severity (either way), title or description; every change is logged')
            [CompletionResult]::new('phase', 'phase', [CompletionResultType]::ParameterValue, 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)')
            [CompletionResult]::new('step', 'step', [CompletionResultType]::ParameterValue, 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add a note to the timeline')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close with a resolution')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a closed incident')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Incidents, newest first, with their SLA state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every field and the whole timeline')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'A post-incident review in Markdown')
            [CompletionResult]::new('action', 'action', [CompletionResultType]::ParameterValue, 'Follow-up actions from a review')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;incident;open' {
            [CompletionResult]::new('--sev', '--sev', [CompletionResultType]::ParameterName, 'Severity key from thresholds.yaml, e.g. P1')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'What is wrong, in one line')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'More detail: what is seen, where, since when')
            [CompletionResult]::new('--dedup-key', '--dedup-key', [CompletionResultType]::ParameterName, 'While an incident with this key is open, opening again adds to it instead')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;simulate' {
            [CompletionResult]::new('--sev', '--sev', [CompletionResultType]::ParameterName, 'Severity key from thresholds.yaml, e.g. P1')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the incident opens: RFC 3339, a date, a local date and time, or now [default: now]')
            [CompletionResult]::new('--acked-after', '--acked-after', [CompletionResultType]::ParameterName, 'Someone acknowledges this long after it opens (e.g. 40m) [default: nobody does]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'table for people; json for scripts and tests')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;ack' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;escalate' {
            [CompletionResult]::new('--sev', '--sev', [CompletionResultType]::ParameterName, 'Raise to this severity (due times recomputed from the open time)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the timeline')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;update' {
            [CompletionResult]::new('--sev', '--sev', [CompletionResultType]::ParameterName, 'A severity key from thresholds.yaml, e.g. P1')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'A new title')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'More detail: what is seen, where, since when')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the timeline')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;phase' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;step' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with it')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;note' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;close' {
            [CompletionResult]::new('--resolution', '--resolution', [CompletionResultType]::ParameterName, 'What fixed it (required)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;reopen' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the timeline')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;list' {
            [CompletionResult]::new('--sev', '--sev', [CompletionResultType]::ParameterName, 'A severity key from thresholds.yaml, e.g. P1')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Opened on or after this day (YYYY-MM-DD)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only incidents not closed (the default)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Closed incidents too')
            [CompletionResult]::new('--breaching', '--breaching', [CompletionResultType]::ParameterName, 'Only incidents past a due time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;review' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;action' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up action to an incident')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark an action done')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;incident;action;add' {
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Who will do it')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Due day (YYYY-MM-DD) [default: a week from today]')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;action;done' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;incident;action;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up action to an incident')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark an action done')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;incident;action;help;add' {
            break
        }
        'mindops;incident;action;help;done' {
            break
        }
        'mindops;incident;action;help;help' {
            break
        }
        'mindops;incident;help' {
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident and page the roles its severity names')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge: stops the response clock and timeout escalations')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Page the next role of the chain, or raise the severity with --sev')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the severity (either way), title or description; every change is logged')
            [CompletionResult]::new('phase', 'phase', [CompletionResultType]::ParameterValue, 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)')
            [CompletionResult]::new('step', 'step', [CompletionResultType]::ParameterValue, 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add a note to the timeline')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close with a resolution')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a closed incident')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Incidents, newest first, with their SLA state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every field and the whole timeline')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'A post-incident review in Markdown')
            [CompletionResult]::new('action', 'action', [CompletionResultType]::ParameterValue, 'Follow-up actions from a review')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;incident;help;open' {
            break
        }
        'mindops;incident;help;simulate' {
            break
        }
        'mindops;incident;help;ack' {
            break
        }
        'mindops;incident;help;escalate' {
            break
        }
        'mindops;incident;help;update' {
            break
        }
        'mindops;incident;help;phase' {
            break
        }
        'mindops;incident;help;step' {
            break
        }
        'mindops;incident;help;note' {
            break
        }
        'mindops;incident;help;close' {
            break
        }
        'mindops;incident;help;reopen' {
            break
        }
        'mindops;incident;help;list' {
            break
        }
        'mindops;incident;help;show' {
            break
        }
        'mindops;incident;help;check' {
            break
        }
        'mindops;incident;help;review' {
            break
        }
        'mindops;incident;help;action' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up action to an incident')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark an action done')
            break
        }
        'mindops;incident;help;action;add' {
            break
        }
        'mindops;incident;help;action;done' {
            break
        }
        'mindops;incident;help;help' {
            break
        }
        'mindops;metrics' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Store values as they are, e.g. from a daily job, without checking the other metrics')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Recorded values of one metric')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The metrics and their thresholds')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;metrics;check' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read values from a file, or - for standard input')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'How --input is written [default: told by the file name, else the content]')
            [CompletionResult]::new('--max-input-mib', '--max-input-mib', [CompletionResultType]::ParameterName, 'The most an input file or a command''s output may hold, in MiB')
            [CompletionResult]::new('--prom-out', '--prom-out', [CompletionResultType]::ParameterName, 'Also write values and states in Prometheus text format to FILE (atomically)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table, json, csv, or nagios (one plugin line with perfdata)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--only-given', '--only-given', [CompletionResultType]::ParameterName, 'Check only the metrics given a value (no sources asked, no recorded values used)')
            [CompletionResult]::new('--no-record', '--no-record', [CompletionResultType]::ParameterName, 'Do not record the values')
            [CompletionResult]::new('--open-incidents', '--open-incidents', [CompletionResultType]::ParameterName, 'Open an incident for each CRITICAL metric (as `incidents: true` in thresholds.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;metrics;record' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read values from a file, or - for standard input')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'How --input is written [default: told by the file name, else the content]')
            [CompletionResult]::new('--max-input-mib', '--max-input-mib', [CompletionResultType]::ParameterName, 'The most an input file or a command''s output may hold, in MiB')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;metrics;history' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day on (YYYY-MM-DD) [default: the last 7 days]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;metrics;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;metrics;replay' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this day on (YYYY-MM-DD, in the rotation''s zone)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to the end of this day [default: today]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;metrics;import' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;metrics;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Store values as they are, e.g. from a daily job, without checking the other metrics')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Recorded values of one metric')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The metrics and their thresholds')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;metrics;help;check' {
            break
        }
        'mindops;metrics;help;record' {
            break
        }
        'mindops;metrics;help;history' {
            break
        }
        'mindops;metrics;help;list' {
            break
        }
        'mindops;metrics;help;replay' {
            break
        }
        'mindops;metrics;help;import' {
            break
        }
        'mindops;metrics;help;help' {
            break
        }
        'mindops;checklist' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day (YYYY-MM-DD) [default: today]')
            [CompletionResult]::new('--slot', '--slot', [CompletionResultType]::ParameterName, 'Only this slot (morning, afternoon, evening)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Tick items: by id (morning.verify-backups), number, or a prefix of the text')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Untick items')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'For cron: exit 1 naming the items whose deadline has passed undone')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Completion per day and per person')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;checklist;done' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day (YYYY-MM-DD) [default: today]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with it')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;checklist;undo' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day (YYYY-MM-DD) [default: today]')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;checklist;status' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day (YYYY-MM-DD) [default: today]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;checklist;history' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day [default: six days before --to]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last day, inclusive [default: today]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;checklist;help' {
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Tick items: by id (morning.verify-backups), number, or a prefix of the text')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Untick items')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'For cron: exit 1 naming the items whose deadline has passed undone')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Completion per day and per person')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;checklist;help;done' {
            break
        }
        'mindops;checklist;help;undo' {
            break
        }
        'mindops;checklist;help;status' {
            break
        }
        'mindops;checklist;help;history' {
            break
        }
        'mindops;checklist;help;help' {
            break
        }
        'mindops;handover' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Write a note for the next person on call')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Notes since a day [default: since the current shift began]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;handover;add' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;handover;list' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day on (YYYY-MM-DD) [default: since the previous handoff]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;handover;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Write a note for the next person on call')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Notes since a day [default: since the current shift began]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;handover;help;add' {
            break
        }
        'mindops;handover;help;list' {
            break
        }
        'mindops;handover;help;help' {
            break
        }
        'mindops;report' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, 'An ISO week (Monday to Sunday): performance, incidents, process')
            [CompletionResult]::new('monthly', 'monthly', [CompletionResultType]::ParameterValue, 'A calendar month: adds growth, feature adoption, support trends')
            [CompletionResult]::new('quarterly', 'quarterly', [CompletionResultType]::ParameterValue, 'A quarter: the strategic view and the team')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;report;weekly' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: markdown, json or html')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;report;monthly' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: markdown, json or html')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;report;quarterly' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: markdown, json or html')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;report;help' {
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, 'An ISO week (Monday to Sunday): performance, incidents, process')
            [CompletionResult]::new('monthly', 'monthly', [CompletionResultType]::ParameterValue, 'A calendar month: adds growth, feature adoption, support trends')
            [CompletionResult]::new('quarterly', 'quarterly', [CompletionResultType]::ParameterValue, 'A quarter: the strategic view and the team')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;report;help;weekly' {
            break
        }
        'mindops;report;help;monthly' {
            break
        }
        'mindops;report;help;quarterly' {
            break
        }
        'mindops;report;help;help' {
            break
        }
        'mindops;review' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Note a decision under an agenda topic of a review period')
            [CompletionResult]::new('agenda', 'agenda', [CompletionResultType]::ParameterValue, 'The agenda of a review period, with the notes under each topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;review;note' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The period: a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The agenda topic: weekly performance, feedback, incidents, process; monthly growth, adoption, support, resources; quarterly strategy, roadmap, team, budget')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is acting [default: $MINDOPS_USER, else $USER]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;review;agenda' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The period: a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;review;help' {
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Note a decision under an agenda topic of a review period')
            [CompletionResult]::new('agenda', 'agenda', [CompletionResultType]::ParameterValue, 'The agenda of a review period, with the notes under each topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;review;help;note' {
            break
        }
        'mindops;review;help;agenda' {
            break
        }
        'mindops;review;help;help' {
            break
        }
        'mindops;slo' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each SLO''s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;slo;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: a table for people, or json for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;slo;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Sloth''s prometheus/v1 spec, or Pyrra''s ServiceLevelObjective resources')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'The service the SLOs belong to (Sloth''s service, Pyrra''s namespace label)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;slo;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each SLO''s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;slo;help;status' {
            break
        }
        'mindops;slo;help;export' {
            break
        }
        'mindops;slo;help;help' {
            break
        }
        'mindops;notify' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to a person (on their channels) or to one channel, now')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The outbox: each message''s state, attempts and last error, oldest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;notify;flush' {
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Stop sending after this long; what is left stays queued [default: 1m]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'table for people; json for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;notify;test' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;notify;list' {
            [CompletionResult]::new('--incident', '--incident', [CompletionResultType]::ParameterName, 'Only messages about this incident')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'The newest this many')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'table for people; json, csv or plain for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Only messages given up on')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;notify;help' {
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to a person (on their channels) or to one channel, now')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The outbox: each message''s state, attempts and last error, oldest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;notify;help;flush' {
            break
        }
        'mindops;notify;help;test' {
            break
        }
        'mindops;notify;help;list' {
            break
        }
        'mindops;notify;help;help' {
            break
        }
        'mindops;status' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Redraw every SECONDS until interrupted')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print: the screen for people, or json for scripts (a dashboard is no list, so there is no csv or plain)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address and port to listen on [default: serve.listen in rotation.yaml, else 127.0.0.1:8787]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;heartbeat' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;demo' {
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'How many days of history, ending now')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'The same seed gives the same history')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Add the history even though the database already holds data')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;init' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;db' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The backend, where it is, its schema version and how many rows each table holds')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;db;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'table for people; json, csv, or plain (`TABLE ROWS` lines) for scripts')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;db;backup' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The file to write; replaced whole if it exists')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;db;copy' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The store to read [default: --db]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to fill; it must be empty unless --replace')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Delete everything the target holds first')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;db;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The backend, where it is, its schema version and how many rows each table holds')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;db;help;status' {
            break
        }
        'mindops;db;help;backup' {
            break
        }
        'mindops;db;help;copy' {
            break
        }
        'mindops;db;help;help' {
            break
        }
        'mindops;config' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;config;check' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--rewrite-history', '--rewrite-history', [CompletionResultType]::ParameterName, 'Accept a version of the team that starts before the last recorded page, changing who the history says was on call')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;config;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;config;help;check' {
            break
        }
        'mindops;config;help;help' {
            break
        }
        'mindops;completions' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write every page (mindops.1, mindops-incident.1, ...) into this folder instead')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;complete' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;help' {
            [CompletionResult]::new('oncall', 'oncall', [CompletionResultType]::ParameterValue, 'Who holds which role now or at any time; schedules, overrides, calendar export')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, 'Incidents: open, acknowledge, escalate, close, with SLA clocks and a timeline')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Check metric values against thresholds.yaml (for cron and Nagios), history, thresholds')
            [CompletionResult]::new('checklist', 'checklist', [CompletionResultType]::ParameterValue, 'The daily checklist: who did what, what is overdue')
            [CompletionResult]::new('handover', 'handover', [CompletionResultType]::ParameterValue, 'Notes handed to the next person on call')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Weekly, monthly and quarterly reviews from what was recorded')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'A review meeting''s decisions, noted under its agenda''s topics and shown in its report')
            [CompletionResult]::new('slo', 'slo', [CompletionResultType]::ParameterValue, 'Service level objectives: error budgets and burn-rate alerts, judged from the history')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Messages to people and chat rooms: send what is queued, test a channel, list the outbox')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The monitoring dashboard on one screen')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Listen for alerts, heartbeats and acknowledgements from links; run cron''s work too')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'Record that a job reported in (a dead-man''s switch), without a server')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Fill a database with a realistic, deterministic history to try mindops on')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write the sample rotation.yaml and thresholds.yaml into a folder')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The store: where it is and what it holds; copy a history between stores')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate the configuration')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): mindops''s own, or a command''s; or write them all to a folder')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Values for shell completion, one a line (the completion scripts call it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;help;oncall' {
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The coming shifts, one row each')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Temporary replacements of a role''s holder')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export shifts as an iCalendar (RFC 5545) file')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check coverage and fairness over the coming weeks (exit 1 on a problem)')
            [CompletionResult]::new('off', 'off', [CompletionResultType]::ParameterValue, 'Time off: the person holds no role over whole days, and the cover rule fills theirs')
            [CompletionResult]::new('swap', 'swap', [CompletionResultType]::ParameterValue, 'Swap two people''s roles for one shift (two overrides, made and told as one)')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Who would hold each role under another config (a branch''s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell')
            break
        }
        'mindops;help;oncall;schedule' {
            break
        }
        'mindops;help;oncall;override' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a role to someone else for a while')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Overrides in force now or later (--all for past and removed ones too)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an override (it is kept in the store, marked removed)')
            break
        }
        'mindops;help;oncall;override;add' {
            break
        }
        'mindops;help;oncall;override;list' {
            break
        }
        'mindops;help;oncall;override;remove' {
            break
        }
        'mindops;help;oncall;export' {
            break
        }
        'mindops;help;oncall;check' {
            break
        }
        'mindops;help;oncall;off' {
            break
        }
        'mindops;help;oncall;swap' {
            break
        }
        'mindops;help;oncall;plan' {
            break
        }
        'mindops;help;oncall;load' {
            break
        }
        'mindops;help;incident' {
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident and page the roles its severity names')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge: stops the response clock and timeout escalations')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Page the next role of the chain, or raise the severity with --sev')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the severity (either way), title or description; every change is logged')
            [CompletionResult]::new('phase', 'phase', [CompletionResultType]::ParameterValue, 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)')
            [CompletionResult]::new('step', 'step', [CompletionResultType]::ParameterValue, 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add a note to the timeline')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close with a resolution')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a closed incident')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Incidents, newest first, with their SLA state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every field and the whole timeline')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'A post-incident review in Markdown')
            [CompletionResult]::new('action', 'action', [CompletionResultType]::ParameterValue, 'Follow-up actions from a review')
            break
        }
        'mindops;help;incident;open' {
            break
        }
        'mindops;help;incident;simulate' {
            break
        }
        'mindops;help;incident;ack' {
            break
        }
        'mindops;help;incident;escalate' {
            break
        }
        'mindops;help;incident;update' {
            break
        }
        'mindops;help;incident;phase' {
            break
        }
        'mindops;help;incident;step' {
            break
        }
        'mindops;help;incident;note' {
            break
        }
        'mindops;help;incident;close' {
            break
        }
        'mindops;help;incident;reopen' {
            break
        }
        'mindops;help;incident;list' {
            break
        }
        'mindops;help;incident;show' {
            break
        }
        'mindops;help;incident;check' {
            break
        }
        'mindops;help;incident;review' {
            break
        }
        'mindops;help;incident;action' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up action to an incident')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark an action done')
            break
        }
        'mindops;help;incident;action;add' {
            break
        }
        'mindops;help;incident;action;done' {
            break
        }
        'mindops;help;metrics' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Store values as they are, e.g. from a daily job, without checking the other metrics')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Recorded values of one metric')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The metrics and their thresholds')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded')
            break
        }
        'mindops;help;metrics;check' {
            break
        }
        'mindops;help;metrics;record' {
            break
        }
        'mindops;help;metrics;history' {
            break
        }
        'mindops;help;metrics;list' {
            break
        }
        'mindops;help;metrics;replay' {
            break
        }
        'mindops;help;metrics;import' {
            break
        }
        'mindops;help;checklist' {
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Tick items: by id (morning.verify-backups), number, or a prefix of the text')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Untick items')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'For cron: exit 1 naming the items whose deadline has passed undone')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Completion per day and per person')
            break
        }
        'mindops;help;checklist;done' {
            break
        }
        'mindops;help;checklist;undo' {
            break
        }
        'mindops;help;checklist;status' {
            break
        }
        'mindops;help;checklist;history' {
            break
        }
        'mindops;help;handover' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Write a note for the next person on call')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Notes since a day [default: since the current shift began]')
            break
        }
        'mindops;help;handover;add' {
            break
        }
        'mindops;help;handover;list' {
            break
        }
        'mindops;help;report' {
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, 'An ISO week (Monday to Sunday): performance, incidents, process')
            [CompletionResult]::new('monthly', 'monthly', [CompletionResultType]::ParameterValue, 'A calendar month: adds growth, feature adoption, support trends')
            [CompletionResult]::new('quarterly', 'quarterly', [CompletionResultType]::ParameterValue, 'A quarter: the strategic view and the team')
            break
        }
        'mindops;help;report;weekly' {
            break
        }
        'mindops;help;report;monthly' {
            break
        }
        'mindops;help;report;quarterly' {
            break
        }
        'mindops;help;review' {
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Note a decision under an agenda topic of a review period')
            [CompletionResult]::new('agenda', 'agenda', [CompletionResultType]::ParameterValue, 'The agenda of a review period, with the notes under each topic')
            break
        }
        'mindops;help;review;note' {
            break
        }
        'mindops;help;review;agenda' {
            break
        }
        'mindops;help;slo' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each SLO''s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them')
            break
        }
        'mindops;help;slo;status' {
            break
        }
        'mindops;help;slo;export' {
            break
        }
        'mindops;help;notify' {
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to a person (on their channels) or to one channel, now')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The outbox: each message''s state, attempts and last error, oldest first')
            break
        }
        'mindops;help;notify;flush' {
            break
        }
        'mindops;help;notify;test' {
            break
        }
        'mindops;help;notify;list' {
            break
        }
        'mindops;help;status' {
            break
        }
        'mindops;help;serve' {
            break
        }
        'mindops;help;heartbeat' {
            break
        }
        'mindops;help;demo' {
            break
        }
        'mindops;help;init' {
            break
        }
        'mindops;help;db' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The backend, where it is, its schema version and how many rows each table holds')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count')
            break
        }
        'mindops;help;db;status' {
            break
        }
        'mindops;help;db;backup' {
            break
        }
        'mindops;help;db;copy' {
            break
        }
        'mindops;help;config' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)')
            break
        }
        'mindops;help;config;check' {
            break
        }
        'mindops;help;completions' {
            break
        }
        'mindops;help;man' {
            break
        }
        'mindops;help;complete' {
            break
        }
        'mindops;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
