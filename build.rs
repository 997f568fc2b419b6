//! Links the binary as a fixed-address executable on Linux.
//!
//! chrono-tz compiles the whole time-zone database in as tables of `&'static str`, and in a
//! position-independent executable each of those ~32,000 pointers is a relocation the loader
//! patches at every start (half of what `mindops oncall` used to cost). At a fixed address the
//! linker resolves them once, at build time. Only the binary is linked this way, so proc-macros
//! and `cargo install --path .` build as usual; the price is that the binary's own code is not
//! address-randomised, which for a command-line tool that serves nothing is the better trade.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    // `--features pie` keeps the toolchain's position-independent default, for a packager
    // whose policy wants every binary randomised.
    if os == "linux" && std::env::var_os("CARGO_FEATURE_PIE").is_none() {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
