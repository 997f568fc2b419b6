
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('oncall', 'oncall', [CompletionResultType]::ParameterValue, 'Who holds which role now or at any time; schedules, overrides, calendar export')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write the sample rotation.yaml and thresholds.yaml into a folder')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate the configuration')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;oncall' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The shift covering this day (YYYY-MM-DD, in the rotation''s zone)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'An instant (RFC 3339, e.g. 2024-08-07T10:00:00Z)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only this role')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The coming shifts, one row each')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Temporary replacements of a role''s holder')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export shifts as an iCalendar (RFC 5545) file')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check coverage and fairness over the coming weeks (exit 1 on a problem)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;oncall;schedule' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day (YYYY-MM-DD) [default: today]')
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'How many weeks from --from')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last day, inclusive (YYYY-MM-DD)')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only this person''s shifts, with the role they hold')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;override' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow the person to hold two roles at once')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;override;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('--ics', '--ics', [CompletionResultType]::ParameterName, 'iCalendar output (the only export format, and the default)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;oncall;check' {
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'How many weeks ahead to check')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
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
        'mindops;oncall;help;help' {
            break
        }
        'mindops;init' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;config' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;man' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Folder holding rotation.yaml and thresholds.yaml')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database [default: $XDG_DATA_HOME/mindops/mindops.db]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this IANA zone instead of the rotation''s (e.g. Europe/Berlin)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mindops;help' {
            [CompletionResult]::new('oncall', 'oncall', [CompletionResultType]::ParameterValue, 'Who holds which role now or at any time; schedules, overrides, calendar export')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write the sample rotation.yaml and thresholds.yaml into a folder')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate the configuration')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mindops;help;oncall' {
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The coming shifts, one row each')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Temporary replacements of a role''s holder')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export shifts as an iCalendar (RFC 5545) file')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check coverage and fairness over the coming weeks (exit 1 on a problem)')
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
        'mindops;help;init' {
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
        'mindops;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
