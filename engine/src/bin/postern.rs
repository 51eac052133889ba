//! The `postern` command-line tool.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = postern::cli::Cli::parse();
    match postern::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("postern: {error}");
            ExitCode::from(2)
        }
    }
}
