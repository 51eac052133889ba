//! `postern wpt-child` (hidden): runs one test file for `postern wpt`'s process pool and
//! writes its result on standard output (`postern_wpt::child`). Not meant to be typed.

use std::path::PathBuf;

use clap::Args;
use postern_wpt::child::{ChildRequest, run_child};
use postern_wpt::discover::TestCase;

use crate::limits;

/// `postern wpt-child`.
#[derive(Debug, Args)]
pub struct WptChildArgs {
    /// The WPT checkout.
    #[arg(long)]
    pub root: PathBuf,
    /// Multiplies harness timeouts.
    #[arg(long, default_value = "1", value_parser = limits::timeout_multiplier, allow_negative_numbers = true)]
    pub timeout_multiplier: f64,
    /// The test asks for the long timeout.
    #[arg(long)]
    pub long_timeout: bool,
    /// The test id (URL path with its variant).
    pub test: String,
}

/// Runs the file and ends the process (agent threads still in a task are not waited for).
pub fn run(args: WptChildArgs) -> ! {
    let request = ChildRequest {
        root: args.root,
        test: TestCase {
            id: args.test,
            long_timeout: args.long_timeout,
        },
        timeout_multiplier: args.timeout_multiplier,
    };
    std::process::exit(run_child(&request))
}
