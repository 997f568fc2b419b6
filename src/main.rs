fn main() -> std::process::ExitCode {
    mindops::main()
}
