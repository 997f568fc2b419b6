//! Shell completions and the man page, both generated from the clap definition so they never
//! drift from the real flags.

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::{generate, shells};

use crate::cli::{Cli, Shell};
use crate::exit;

pub fn completions(shell: Shell) -> Result<u8> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    match shell {
        Shell::Bash => generate(shells::Bash, &mut command, "mindops", &mut buffer),
        Shell::Zsh => generate(shells::Zsh, &mut command, "mindops", &mut buffer),
        Shell::Fish => generate(shells::Fish, &mut command, "mindops", &mut buffer),
        Shell::Elvish => generate(shells::Elvish, &mut command, "mindops", &mut buffer),
        Shell::Powershell => generate(shells::PowerShell, &mut command, "mindops", &mut buffer),
    }
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buffer)?;
    Ok(exit::SUCCESS)
}

pub fn man() -> Result<u8> {
    let mut buffer = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buffer)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buffer)?;
    Ok(exit::SUCCESS)
}
