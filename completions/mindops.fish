# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mindops_global_optspecs
    string join \n config-dir= db= tz= color= h/help V/version
end

function __fish_mindops_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mindops_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mindops_using_subcommand
    set -l cmd (__fish_mindops_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mindops -n "__fish_mindops_needs_command" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_needs_command" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_needs_command" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_needs_command" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_needs_command" -s V -l version -d 'Print version'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "oncall" -d 'Who holds which role now or at any time; schedules, overrides, calendar export'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "incident" -d 'Incidents: open, acknowledge, escalate, close, with SLA clocks and a timeline'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "metrics" -d 'Check metric values against thresholds.yaml (for cron and Nagios), history, thresholds'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "checklist" -d 'The daily checklist: who did what, what is overdue'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "handover" -d 'Notes handed to the next person on call'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "report" -d 'Weekly, monthly and quarterly reviews from what was recorded'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "review" -d 'A review meeting\'s decisions, noted under its agenda\'s topics and shown in its report'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "slo" -d 'Service level objectives: error budgets and burn-rate alerts, judged from the history'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "notify" -d 'Messages to people and chat rooms: send what is queued, test a channel, list the outbox'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "status" -d 'The monitoring dashboard on one screen'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "serve" -d 'Listen for alerts, heartbeats and acknowledgements from links; run cron\'s work too'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "heartbeat" -d 'Record that a job reported in (a dead-man\'s switch), without a server'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "demo" -d 'Fill a database with a realistic, deterministic history to try mindops on'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "init" -d 'Write the sample rotation.yaml and thresholds.yaml into a folder'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "db" -d 'The store: where it is and what it holds; copy a history between stores'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "config" -d 'Validate the configuration'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "man" -d 'Print a man page (roff): mindops\'s own, or a command\'s; or write them all to a folder'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "complete" -d 'Values for shell completion, one a line (the completion scripts call it)'
complete -c mindops -n "__fish_mindops_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -l date -d 'The shift covering this day (YYYY-MM-DD, in the rotation\'s zone)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -l at -d 'An instant (RFC 3339, e.g. 2024-08-07T10:00:00Z)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -l role -d 'Only this role' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "schedule" -d 'The coming shifts, one row each'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "override" -d 'Temporary replacements of a role\'s holder'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "export" -d 'Export shifts as an iCalendar (RFC 5545) file'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "check" -d 'Check coverage and fairness over the coming weeks (exit 1 on a problem)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "off" -d 'Time off: the person holds no role over whole days, and the cover rule fills theirs'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "swap" -d 'Swap two people\'s roles for one shift (two overrides, made and told as one)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "plan" -d 'Who would hold each role under another config (a branch\'s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "load" -d 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and not __fish_seen_subcommand_from schedule override export check off swap plan load help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l from -d 'First day (YYYY-MM-DD) [default: today]' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l weeks -d 'How many weeks from --from' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l to -d 'Last day, inclusive (YYYY-MM-DD)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l person -d 'Only this person\'s shifts, with the role they hold' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from schedule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -f -a "add" -d 'Give a role to someone else for a while'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -f -a "list" -d 'Overrides in force now or later (--all for past and removed ones too)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -f -a "remove" -d 'Remove an override (it is kept in the store, marked removed)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from override" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l from -d 'First day (YYYY-MM-DD) [default: today]' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l weeks -d 'How many weeks from --from' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l to -d 'Last day, inclusive (YYYY-MM-DD)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l person -d 'Only this person\'s shifts' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -l ics -d 'iCalendar output (the only export format, and the default)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from check" -l weeks -d 'How many weeks ahead to check' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from check" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from check" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from check" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from check" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from check" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -l from -d 'The first day off (YYYY-MM-DD, in the rotation\'s zone)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -l to -d 'The last day off, included (YYYY-MM-DD)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -l reason -d 'Why, for the record and the people told' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -l by -d 'Who records it [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from off" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from swap" -l week -d 'The shift: its number (as `oncall` shows it, the seed\'s "Week 2") or a day in it' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from swap" -l reason -d 'Why, for the record and the people told' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from swap" -l by -d 'Who records it [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from swap" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from swap" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from swap" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from swap" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from swap" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from plan" -l against -d 'The folder holding the other rotation.yaml (a checkout of the branch)' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from plan" -l weeks -d 'How many weeks from now to compare' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from plan" -l format -d 'table for people, markdown for a pull request\'s comment, json for scripts' -r -f -a "table\t'Tables for people'
markdown\t'Markdown, for a pull request\'s comment'
json\t'JSON with stable field names'"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from plan" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from plan" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from plan" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from plan" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from load" -l period -d 'A week (2024-W32), a month (2024-08) or a quarter (2024-Q3) [default: the last complete month]' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from load" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from load" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from load" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from load" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from load" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "schedule" -d 'The coming shifts, one row each'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "override" -d 'Temporary replacements of a role\'s holder'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export shifts as an iCalendar (RFC 5545) file'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check coverage and fairness over the coming weeks (exit 1 on a problem)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "off" -d 'Time off: the person holds no role over whole days, and the cover rule fills theirs'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "swap" -d 'Swap two people\'s roles for one shift (two overrides, made and told as one)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Who would hold each role under another config (a branch\'s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "load" -d 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell'
complete -c mindops -n "__fish_mindops_using_subcommand oncall; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "open" -d 'Open an incident and page the roles its severity names'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "simulate" -d 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "ack" -d 'Acknowledge: stops the response clock and timeout escalations'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "escalate" -d 'Page the next role of the chain, or raise the severity with --sev'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "update" -d 'Change the severity (either way), title or description; every change is logged'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "phase" -d 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "step" -d 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "note" -d 'Add a note to the timeline'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "close" -d 'Close with a resolution'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "reopen" -d 'Reopen a closed incident'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "list" -d 'Incidents, newest first, with their SLA state'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "show" -d 'Every field and the whole timeline'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "check" -d 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "review" -d 'A post-incident review in Markdown'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "action" -d 'Follow-up actions from a review'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and not __fish_seen_subcommand_from open simulate ack escalate update phase step note close reopen list show check review action help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l sev -d 'Severity key from thresholds.yaml, e.g. P1' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l title -d 'What is wrong, in one line' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l description -d 'More detail: what is seen, where, since when' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l dedup-key -d 'While an incident with this key is open, opening again adds to it instead' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -l sev -d 'Severity key from thresholds.yaml, e.g. P1' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -l at -d 'When the incident opens: RFC 3339, a date, a local date and time, or now [default: now]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -l acked-after -d 'Someone acknowledges this long after it opens (e.g. 40m) [default: nobody does]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -l format -d 'table for people; json for scripts and tests' -r -f -a "table\t'The dashboard for people'
json\t'JSON with stable field names (see the README)'"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from simulate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from ack" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from ack" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from ack" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from ack" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from ack" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from ack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from escalate" -l sev -d 'Raise to this severity (due times recomputed from the open time)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from escalate" -l reason -d 'Why, for the timeline' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from escalate" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from escalate" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from escalate" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from escalate" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from escalate" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from escalate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l sev -d 'A severity key from thresholds.yaml, e.g. P1' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l title -d 'A new title' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l description -d 'More detail: what is seen, where, since when' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l reason -d 'Why, for the timeline' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from phase" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from phase" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from phase" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from phase" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from phase" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from phase" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from step" -l note -d 'A note kept with it' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from step" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from step" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from step" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from step" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from step" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from step" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from note" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from note" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from note" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from note" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from note" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from note" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from close" -l resolution -d 'What fixed it (required)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from close" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from close" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from close" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from close" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from close" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from reopen" -l reason -d 'Why, for the timeline' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from reopen" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from reopen" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from reopen" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from reopen" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from reopen" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l sev -d 'A severity key from thresholds.yaml, e.g. P1' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l since -d 'Opened on or after this day (YYYY-MM-DD)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l limit -d 'At most this many' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l open -d 'Only incidents not closed (the default)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l all -d 'Closed incidents too'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -l breaching -d 'Only incidents past a due time'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from show" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from show" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from show" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from show" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from check" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from check" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from check" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from check" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from check" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from review" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from review" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from review" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from review" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from action" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from action" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from action" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from action" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from action" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from action" -f -a "add" -d 'Add a follow-up action to an incident'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from action" -f -a "done" -d 'Mark an action done'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from action" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "open" -d 'Open an incident and page the roles its severity names'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "simulate" -d 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "ack" -d 'Acknowledge: stops the response clock and timeout escalations'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "escalate" -d 'Page the next role of the chain, or raise the severity with --sev'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change the severity (either way), title or description; every change is logged'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "phase" -d 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "step" -d 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "note" -d 'Add a note to the timeline'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close with a resolution'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Reopen a closed incident'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "list" -d 'Incidents, newest first, with their SLA state'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "show" -d 'Every field and the whole timeline'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "check" -d 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "review" -d 'A post-incident review in Markdown'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "action" -d 'Follow-up actions from a review'
complete -c mindops -n "__fish_mindops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -f -a "check" -d 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -f -a "record" -d 'Store values as they are, e.g. from a daily job, without checking the other metrics'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -f -a "history" -d 'Recorded values of one metric'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -f -a "list" -d 'The metrics and their thresholds'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -f -a "replay" -d 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -f -a "import" -d 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and not __fish_seen_subcommand_from check record history list replay import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l input -d 'Read values from a file, or - for standard input' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l input-format -d 'How --input is written [default: told by the file name, else the content]' -r -f -a "auto\t'From the file name, else from the content'
kv\t'NAME=VALUE lines'
json\t''
yaml\t''
prometheus\t'The Prometheus text exposition format'"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l max-input-mib -d 'The most an input file or a command\'s output may hold, in MiB' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l prom-out -d 'Also write values and states in Prometheus text format to FILE (atomically)' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l format -d 'How to print: a table, json, csv, or nagios (one plugin line with perfdata)' -r -f -a "table\t''
json\t''
csv\t''
nagios\t'One monitoring-plugins line with performance data'"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l only-given -d 'Check only the metrics given a value (no sources asked, no recorded values used)'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l no-record -d 'Do not record the values'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -l open-incidents -d 'Open an incident for each CRITICAL metric (as `incidents: true` in thresholds.yaml)'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from record" -l input -d 'Read values from a file, or - for standard input' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from record" -l input-format -d 'How --input is written [default: told by the file name, else the content]' -r -f -a "auto\t'From the file name, else from the content'
kv\t'NAME=VALUE lines'
json\t''
yaml\t''
prometheus\t'The Prometheus text exposition format'"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from record" -l max-input-mib -d 'The most an input file or a command\'s output may hold, in MiB' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from record" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from record" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from record" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from record" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from record" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from history" -l since -d 'From this day on (YYYY-MM-DD) [default: the last 7 days]' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from history" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from history" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from history" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from history" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from history" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from list" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from list" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from list" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from list" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from replay" -l from -d 'From this day on (YYYY-MM-DD, in the rotation\'s zone)' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from replay" -l to -d 'Up to the end of this day [default: today]' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from replay" -l format -d 'How to print: a table for people, or json for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names'"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from replay" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from replay" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from replay" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from replay" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from import" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from import" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from import" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from import" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "check" -d 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "record" -d 'Store values as they are, e.g. from a daily job, without checking the other metrics'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "history" -d 'Recorded values of one metric'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "list" -d 'The metrics and their thresholds'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "replay" -d 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "import" -d 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded'
complete -c mindops -n "__fish_mindops_using_subcommand metrics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -l date -d 'The day (YYYY-MM-DD) [default: today]' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -l slot -d 'Only this slot (morning, afternoon, evening)' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -f -a "done" -d 'Tick items: by id (morning.verify-backups), number, or a prefix of the text'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -f -a "undo" -d 'Untick items'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -f -a "status" -d 'For cron: exit 1 naming the items whose deadline has passed undone'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -f -a "history" -d 'Completion per day and per person'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and not __fish_seen_subcommand_from done undo status history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from done" -l date -d 'The day (YYYY-MM-DD) [default: today]' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from done" -l note -d 'A note kept with it' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from done" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from done" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from done" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from done" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from done" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from undo" -l date -d 'The day (YYYY-MM-DD) [default: today]' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from undo" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from undo" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from undo" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from undo" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from undo" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from status" -l date -d 'The day (YYYY-MM-DD) [default: today]' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from status" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from status" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from status" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from status" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from status" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from history" -l from -d 'First day [default: six days before --to]' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from history" -l to -d 'Last day, inclusive [default: today]' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from history" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from history" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from history" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from history" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from history" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from help" -f -a "done" -d 'Tick items: by id (morning.verify-backups), number, or a prefix of the text'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from help" -f -a "undo" -d 'Untick items'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from help" -f -a "status" -d 'For cron: exit 1 naming the items whose deadline has passed undone'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from help" -f -a "history" -d 'Completion per day and per person'
complete -c mindops -n "__fish_mindops_using_subcommand checklist; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and not __fish_seen_subcommand_from add list help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand handover; and not __fish_seen_subcommand_from add list help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand handover; and not __fish_seen_subcommand_from add list help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand handover; and not __fish_seen_subcommand_from add list help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand handover; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Write a note for the next person on call'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'Notes since a day [default: since the current shift began]'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from add" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from add" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from add" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from add" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from add" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from list" -l since -d 'From this day on (YYYY-MM-DD) [default: since the previous handoff]' -r
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from list" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from list" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from list" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from list" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from help" -f -a "add" -d 'Write a note for the next person on call'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from help" -f -a "list" -d 'Notes since a day [default: since the current shift began]'
complete -c mindops -n "__fish_mindops_using_subcommand handover; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -f -a "weekly" -d 'An ISO week (Monday to Sunday): performance, incidents, process'
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -f -a "monthly" -d 'A calendar month: adds growth, feature adoption, support trends'
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -f -a "quarterly" -d 'A quarter: the strategic view and the team'
complete -c mindops -n "__fish_mindops_using_subcommand report; and not __fish_seen_subcommand_from weekly monthly quarterly help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from weekly" -l period -d '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]' -r
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from weekly" -l format -d 'How to print: markdown, json or html' -r -f -a "markdown\t''
json\t''
html\t'One self-contained page with inline SVG charts'"
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from weekly" -l out -d 'Write to FILE instead of standard output' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from weekly" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from weekly" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from weekly" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from weekly" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from weekly" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from monthly" -l period -d '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]' -r
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from monthly" -l format -d 'How to print: markdown, json or html' -r -f -a "markdown\t''
json\t''
html\t'One self-contained page with inline SVG charts'"
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from monthly" -l out -d 'Write to FILE instead of standard output' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from monthly" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from monthly" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from monthly" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from monthly" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from monthly" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l period -d '2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]' -r
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l format -d 'How to print: markdown, json or html' -r -f -a "markdown\t''
json\t''
html\t'One self-contained page with inline SVG charts'"
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l out -d 'Write to FILE instead of standard output' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from quarterly" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "weekly" -d 'An ISO week (Monday to Sunday): performance, incidents, process'
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "monthly" -d 'A calendar month: adds growth, feature adoption, support trends'
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "quarterly" -d 'A quarter: the strategic view and the team'
complete -c mindops -n "__fish_mindops_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand review; and not __fish_seen_subcommand_from note agenda help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand review; and not __fish_seen_subcommand_from note agenda help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand review; and not __fish_seen_subcommand_from note agenda help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand review; and not __fish_seen_subcommand_from note agenda help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand review; and not __fish_seen_subcommand_from note agenda help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand review; and not __fish_seen_subcommand_from note agenda help" -f -a "note" -d 'Note a decision under an agenda topic of a review period'
complete -c mindops -n "__fish_mindops_using_subcommand review; and not __fish_seen_subcommand_from note agenda help" -f -a "agenda" -d 'The agenda of a review period, with the notes under each topic'
complete -c mindops -n "__fish_mindops_using_subcommand review; and not __fish_seen_subcommand_from note agenda help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from note" -l period -d 'The period: a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)' -r
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from note" -l topic -d 'The agenda topic: weekly performance, feedback, incidents, process; monthly growth, adoption, support, resources; quarterly strategy, roadmap, team, budget' -r
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from note" -l by -d 'Who is acting [default: $MINDOPS_USER, else $USER]' -r
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from note" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from note" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from note" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from note" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from note" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from agenda" -l period -d 'The period: a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)' -r
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from agenda" -l format -d 'How to print: a table for people, or json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from agenda" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from agenda" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from agenda" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from agenda" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from agenda" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "note" -d 'Note a decision under an agenda topic of a review period'
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "agenda" -d 'The agenda of a review period, with the notes under each topic'
complete -c mindops -n "__fish_mindops_using_subcommand review; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and not __fish_seen_subcommand_from status export help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand slo; and not __fish_seen_subcommand_from status export help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand slo; and not __fish_seen_subcommand_from status export help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand slo; and not __fish_seen_subcommand_from status export help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand slo; and not __fish_seen_subcommand_from status export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and not __fish_seen_subcommand_from status export help" -f -a "status" -d 'Each SLO\'s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and not __fish_seen_subcommand_from status export help" -f -a "export" -d 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and not __fish_seen_subcommand_from status export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from status" -l format -d 'How to print: a table for people, or json for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names'"
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from status" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from status" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from status" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from status" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from export" -l format -d 'Sloth\'s prometheus/v1 spec, or Pyrra\'s ServiceLevelObjective resources' -r -f -a "sloth\t'Sloth\'s `prometheus/v1` spec (sloth generate -i FILE)'
pyrra\t'Pyrra\'s `pyrra.dev/v1alpha1` ServiceLevelObjective, one document per SLO'"
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from export" -l service -d 'The service the SLOs belong to (Sloth\'s service, Pyrra\'s namespace label)' -r
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from export" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from export" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from export" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from export" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from help" -f -a "status" -d 'Each SLO\'s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from help" -f -a "export" -d 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them'
complete -c mindops -n "__fish_mindops_using_subcommand slo; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -f -a "flush" -d 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -f -a "test" -d 'Send a test message to a person (on their channels) or to one channel, now'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -f -a "list" -d 'The outbox: each message\'s state, attempts and last error, oldest first'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and not __fish_seen_subcommand_from flush test list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from flush" -l budget -d 'Stop sending after this long; what is left stays queued [default: 1m]' -r
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from flush" -l format -d 'table for people; json for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from flush" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from flush" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from flush" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from flush" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from test" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from test" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from test" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from test" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -l incident -d 'Only messages about this incident' -r
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -l limit -d 'The newest this many' -r
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -l format -d 'table for people; json, csv or plain for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -l failed -d 'Only messages given up on'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a test message to a person (on their channels) or to one channel, now'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "list" -d 'The outbox: each message\'s state, attempts and last error, oldest first'
complete -c mindops -n "__fish_mindops_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand status" -l watch -d 'Redraw every SECONDS until interrupted' -r
complete -c mindops -n "__fish_mindops_using_subcommand status" -l format -d 'How to print: the screen for people, or json for scripts (a dashboard is no list, so there is no csv or plain)' -r -f -a "table\t'The dashboard for people'
json\t'JSON with stable field names (see the README)'"
complete -c mindops -n "__fish_mindops_using_subcommand status" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand status" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand status" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand status" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand serve" -l listen -d 'Address and port to listen on [default: serve.listen in rotation.yaml, else 127.0.0.1:8787]' -r
complete -c mindops -n "__fish_mindops_using_subcommand serve" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand serve" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand serve" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand serve" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand heartbeat" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand heartbeat" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand heartbeat" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand heartbeat" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand heartbeat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand demo" -l days -d 'How many days of history, ending now' -r
complete -c mindops -n "__fish_mindops_using_subcommand demo" -l seed -d 'The same seed gives the same history' -r
complete -c mindops -n "__fish_mindops_using_subcommand demo" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand demo" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand demo" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand demo" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand demo" -l force -d 'Add the history even though the database already holds data'
complete -c mindops -n "__fish_mindops_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand init" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand init" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand init" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand init" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -f -a "status" -d 'The backend, where it is, its schema version and how many rows each table holds'
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -f -a "backup" -d 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)'
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -f -a "copy" -d 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count'
complete -c mindops -n "__fish_mindops_using_subcommand db; and not __fish_seen_subcommand_from status backup copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from status" -l format -d 'table for people; json, csv, or plain (`TABLE ROWS` lines) for scripts' -r -f -a "table\t'A table for people'
json\t'JSON with stable field names (see the README)'
csv\t'Comma-separated values with a header line'
plain\t'Bare values, one a line, for shell scripts'"
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from status" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from status" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from status" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from status" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from backup" -l to -d 'The file to write; replaced whole if it exists' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from backup" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from backup" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from backup" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from backup" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from copy" -l from -d 'The store to read [default: --db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from copy" -l to -d 'The store to fill; it must be empty unless --replace' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from copy" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from copy" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from copy" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from copy" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from copy" -l replace -d 'Delete everything the target holds first'
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "status" -d 'The backend, where it is, its schema version and how many rows each table holds'
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)'
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count'
complete -c mindops -n "__fish_mindops_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand config; and not __fish_seen_subcommand_from check help" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand config; and not __fish_seen_subcommand_from check help" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand config; and not __fish_seen_subcommand_from check help" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand config; and not __fish_seen_subcommand_from check help" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand config; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand config; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)'
complete -c mindops -n "__fish_mindops_using_subcommand config; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand config; and __fish_seen_subcommand_from check" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand config; and __fish_seen_subcommand_from check" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand config; and __fish_seen_subcommand_from check" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand config; and __fish_seen_subcommand_from check" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand config; and __fish_seen_subcommand_from check" -l rewrite-history -d 'Accept a version of the team that starts before the last recorded page, changing who the history says was on call'
complete -c mindops -n "__fish_mindops_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)'
complete -c mindops -n "__fish_mindops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand completions" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand completions" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand completions" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand completions" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand man" -l out -d 'Write every page (mindops.1, mindops-incident.1, ...) into this folder instead' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand man" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand man" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand man" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand man" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand complete" -l config-dir -d 'Folder holding rotation.yaml and thresholds.yaml' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand complete" -l db -d 'SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB [default: $XDG_DATA_HOME/mindops/mindops.db]' -r -F
complete -c mindops -n "__fish_mindops_using_subcommand complete" -l tz -d 'Show times in this IANA zone instead of the rotation\'s (e.g. Europe/Berlin)' -r
complete -c mindops -n "__fish_mindops_using_subcommand complete" -l color -d 'When to colour the output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c mindops -n "__fish_mindops_using_subcommand complete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "oncall" -d 'Who holds which role now or at any time; schedules, overrides, calendar export'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "incident" -d 'Incidents: open, acknowledge, escalate, close, with SLA clocks and a timeline'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "metrics" -d 'Check metric values against thresholds.yaml (for cron and Nagios), history, thresholds'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "checklist" -d 'The daily checklist: who did what, what is overdue'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "handover" -d 'Notes handed to the next person on call'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "report" -d 'Weekly, monthly and quarterly reviews from what was recorded'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "review" -d 'A review meeting\'s decisions, noted under its agenda\'s topics and shown in its report'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "slo" -d 'Service level objectives: error budgets and burn-rate alerts, judged from the history'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "notify" -d 'Messages to people and chat rooms: send what is queued, test a channel, list the outbox'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "status" -d 'The monitoring dashboard on one screen'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "serve" -d 'Listen for alerts, heartbeats and acknowledgements from links; run cron\'s work too'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "heartbeat" -d 'Record that a job reported in (a dead-man\'s switch), without a server'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "demo" -d 'Fill a database with a realistic, deterministic history to try mindops on'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "init" -d 'Write the sample rotation.yaml and thresholds.yaml into a folder'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "db" -d 'The store: where it is and what it holds; copy a history between stores'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "config" -d 'Validate the configuration'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "completions" -d 'Print a shell completion script'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "man" -d 'Print a man page (roff): mindops\'s own, or a command\'s; or write them all to a folder'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "complete" -d 'Values for shell completion, one a line (the completion scripts call it)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and not __fish_seen_subcommand_from oncall incident metrics checklist handover report review slo notify status serve heartbeat demo init db config completions man complete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from oncall" -f -a "schedule" -d 'The coming shifts, one row each'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from oncall" -f -a "override" -d 'Temporary replacements of a role\'s holder'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from oncall" -f -a "export" -d 'Export shifts as an iCalendar (RFC 5545) file'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from oncall" -f -a "check" -d 'Check coverage and fairness over the coming weeks (exit 1 on a problem)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from oncall" -f -a "off" -d 'Time off: the person holds no role over whole days, and the cover rule fills theirs'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from oncall" -f -a "swap" -d 'Swap two people\'s roles for one shift (two overrides, made and told as one)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from oncall" -f -a "plan" -d 'Who would hold each role under another config (a branch\'s): the differences, hours per person before and after, and the gaps (exit 1 when the other config has one)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from oncall" -f -a "load" -d 'On-call health over a period: hours, pages, pages at night, acknowledgements, overrides and time off per person, and how evenly the hours fell'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "open" -d 'Open an incident and page the roles its severity names'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "simulate" -d 'A dry run: who an incident would page, when and on which channels, if nobody answered (nothing is stored or sent)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "ack" -d 'Acknowledge: stops the response clock and timeout escalations'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "escalate" -d 'Page the next role of the chain, or raise the severity with --sev'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "update" -d 'Change the severity (either way), title or description; every change is logged'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "phase" -d 'Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution, review (as thresholds.yaml names them)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "step" -d 'Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "note" -d 'Add a note to the timeline'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "close" -d 'Close with a resolution'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "reopen" -d 'Reopen a closed incident'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "list" -d 'Incidents, newest first, with their SLA state'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "show" -d 'Every field and the whole timeline'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "check" -d 'For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any open incident is in breach)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "review" -d 'A post-incident review in Markdown'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "action" -d 'Follow-up actions from a review'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "check" -d 'Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "record" -d 'Store values as they are, e.g. from a daily job, without checking the other metrics'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "history" -d 'Recorded values of one metric'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "list" -d 'The metrics and their thresholds'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "replay" -d 'What the config (thresholds, for: holds, SLOs) would have done over the recorded values of a period, beside what was recorded; writes nothing'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from metrics" -f -a "import" -d 'Load a history of values from a CSV file (at,metric,value), judged as they are recorded'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from checklist" -f -a "done" -d 'Tick items: by id (morning.verify-backups), number, or a prefix of the text'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from checklist" -f -a "undo" -d 'Untick items'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from checklist" -f -a "status" -d 'For cron: exit 1 naming the items whose deadline has passed undone'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from checklist" -f -a "history" -d 'Completion per day and per person'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from handover" -f -a "add" -d 'Write a note for the next person on call'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from handover" -f -a "list" -d 'Notes since a day [default: since the current shift began]'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "weekly" -d 'An ISO week (Monday to Sunday): performance, incidents, process'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "monthly" -d 'A calendar month: adds growth, feature adoption, support trends'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "quarterly" -d 'A quarter: the strategic view and the team'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from review" -f -a "note" -d 'Note a decision under an agenda topic of a review period'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from review" -f -a "agenda" -d 'The agenda of a review period, with the notes under each topic'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from slo" -f -a "status" -d 'Each SLO\'s budget left, its burn rate over every alert window, and the alert that fires; exit 0 OK, 1 ticket, 2 page, 3 unknown'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from slo" -f -a "export" -d 'The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "flush" -d 'Queue the reminders due, then send every message due (for cron; `incident check` does this too). Failed attempts are retried later with backoff'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "test" -d 'Send a test message to a person (on their channels) or to one channel, now'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "list" -d 'The outbox: each message\'s state, attempts and last error, oldest first'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "status" -d 'The backend, where it is, its schema version and how many rows each table holds'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "backup" -d 'Back up a SQLite store to a file while others go on writing: one consistent instant, checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "copy" -d 'Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one transaction, checked row count by row count'
complete -c mindops -n "__fish_mindops_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)'
