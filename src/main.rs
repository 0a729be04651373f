fn main() -> std::process::ExitCode {
    convive::memory::tune_allocator();
    convive::telemetry::init();
    match convive::cli::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convive: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
