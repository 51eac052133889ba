//! The exit codes of `postern run` and `postern wpt`, and the text `--help` shows for them.

use std::process::ExitCode;

/// Why a `postern run` ended, as its exit code says it. When several hold, the first in
/// this order wins: [`RunExit::LoadFailed`], [`RunExit::AgentCrashed`],
/// [`RunExit::WallLimit`], [`RunExit::TimeLimit`], [`RunExit::UncaughtErrors`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunExit {
    /// 0: the pages ran until idle.
    Idle,
    /// 1: an uncaught exception or unhandled rejection was reported, and `--fail-on-error`.
    UncaughtErrors,
    /// 3: the time limit was reached with work still pending.
    TimeLimit,
    /// 4: the wall-clock limit was reached with work still pending.
    WallLimit,
    /// 5: the page given could not be loaded (no such host, a network error or timeout,
    /// unsupported scheme, a status that is not 2xx after redirects).
    LoadFailed,
    /// 6: an agent crashed (its windows stopped; the others ran on).
    AgentCrashed,
}

/// 2: the command line was wrong, or the command could not start (a directory that cannot
/// be served, an invalid URL). Clap's own usage errors exit with 2 as well.
pub const USAGE_OR_SETUP: u8 = 2;

impl RunExit {
    /// Its name in `--format json`'s `outcome` line.
    pub fn name(self) -> &'static str {
        match self {
            RunExit::Idle => "idle",
            RunExit::UncaughtErrors => "uncaught-errors",
            RunExit::TimeLimit => "time-limit",
            RunExit::WallLimit => "wall-limit",
            RunExit::LoadFailed => "load-failed",
            RunExit::AgentCrashed => "agent-crashed",
        }
    }

    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            RunExit::Idle => 0,
            RunExit::UncaughtErrors => 1,
            RunExit::TimeLimit => 3,
            RunExit::WallLimit => 4,
            RunExit::LoadFailed => 5,
            RunExit::AgentCrashed => 6,
        }
    }
}

impl From<RunExit> for ExitCode {
    fn from(exit: RunExit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

/// The exit codes of `postern run`, for `--help`.
pub const RUN_EXIT_CODES: &str = "\
Exit codes:
  0  the pages ran until idle
  1  an uncaught exception or unhandled rejection was reported (only with --fail-on-error)
  2  usage error, or the run could not start (directory cannot be served, invalid URL)
  3  the time limit (--time-limit) was reached with work still pending
     (by default 30 s of real time; none under --virtual-time: it runs until idle)
  4  the wall-clock limit (--wall-limit) was reached with work still pending
  5  the page could not be loaded (unknown host, network error or timeout, unsupported
     scheme, status not 2xx after redirects; a failed iframe or script does not count)
  6  an agent crashed: a panic, or past --memory-limit (its windows stopped; the others ran on)
When several apply, the first that applies in the order 5, 6, 4, 3, 1 is returned;
a line on standard error says why for every non-zero code.";

/// The exit codes of `postern wpt`, for `--help`.
pub const WPT_EXIT_CODES: &str = "\
Exit codes:
  0  every result was as expected (or --update-expectations rewrote the expectations)
  1  some results differ from the expectations (listed at the end)
  2  usage error, or the run could not start (no such root, unreadable expectations)
A test file whose process aborts is CRASH, one that outlives --file-timeout is TIMEOUT;
either is just a result: the run goes on.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_text_lists_every_code() {
        for exit in [
            RunExit::Idle,
            RunExit::UncaughtErrors,
            RunExit::TimeLimit,
            RunExit::WallLimit,
            RunExit::LoadFailed,
            RunExit::AgentCrashed,
        ] {
            assert!(
                RUN_EXIT_CODES.contains(&format!("\n  {}  ", exit.code())),
                "{exit:?}"
            );
        }
        assert!(RUN_EXIT_CODES.contains(&format!("\n  {USAGE_OR_SETUP}  ")));
    }
}
