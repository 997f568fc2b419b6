//! Links the binary as a fixed-address executable on Linux.
//!
//! chrono-tz compiles the whole time-zone database in as tables of `&'static str`, and in a
//! position-independent executable each of those pointers is a relocation the loader patches
//! at every start: 44,000 of them. `mindops oncall --date` takes 2.6 ms as a PIE and 1.9 ms at
//! a fixed address (hyperfine -N, 500 runs, release build, a hello-world 0.5 ms in the same
//! run): the link saves a quarter of every quick command. At a fixed address the linker
//! resolves them once, at build time. Only the binary is linked this way, so proc-macros and
//! `cargo install --path .` build as usual. The price: the binary's own code and data are not
//! address-randomised (libraries, stack and heap still are), which makes a memory-safety bug
//! easier to exploit in `mindops serve`, the one command that listens. The code is Rust and
//! the C in it is SQLite's, built with a stack canary and checked string functions
//! (`.cargo/config.toml`); a packager whose policy wants every binary randomised builds with
//! `--features pie`.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    // `--features pie` keeps the toolchain's position-independent default, for a packager
    // whose policy wants every binary randomised.
    if os == "linux" && std::env::var_os("CARGO_FEATURE_PIE").is_none() {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
