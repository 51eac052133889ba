//! The clock an event loop's timers and `performance.now()` read: real or virtual.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Which time an event loop runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TimeMode {
    /// Wall-clock time: a 100 ms timer takes 100 ms.
    #[default]
    Real,
    /// Virtual time: the clock stands still while anything is runnable and jumps to the next
    /// timer's deadline only when everything is idle, so waits cost nothing and the same
    /// inputs give the same trace.
    Virtual,
}

#[derive(Debug)]
struct ClockInner {
    mode: TimeMode,
    origin: Instant,
    virtual_nanos: AtomicU64,
}

/// A clock shared by every event loop of one user agent (cheap to clone, `Send + Sync`).
#[derive(Clone, Debug)]
pub struct Clock {
    inner: Arc<ClockInner>,
}

impl Clock {
    /// A clock in `mode`, whose time 0 is now.
    pub fn new(mode: TimeMode) -> Self {
        Clock {
            inner: Arc::new(ClockInner {
                mode,
                origin: Instant::now(),
                virtual_nanos: AtomicU64::new(0),
            }),
        }
    }

    /// The mode.
    pub fn mode(&self) -> TimeMode {
        self.inner.mode
    }

    /// Time elapsed since the clock's origin.
    pub fn now(&self) -> Duration {
        match self.inner.mode {
            TimeMode::Real => self.inner.origin.elapsed(),
            TimeMode::Virtual => {
                Duration::from_nanos(self.inner.virtual_nanos.load(Ordering::Acquire))
            }
        }
    }

    /// Under virtual time, moves the clock forward to `to` (never backwards). Returns whether
    /// it moved. Does nothing under real time.
    pub fn advance_to(&self, to: Duration) -> bool {
        if self.inner.mode != TimeMode::Virtual {
            return false;
        }
        let target = u64::try_from(to.as_nanos()).unwrap_or(u64::MAX);
        let previous = self.inner.virtual_nanos.fetch_max(target, Ordering::AcqRel);
        previous < target
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_clock_moves_only_forward_when_told() {
        let clock = Clock::new(TimeMode::Virtual);
        assert_eq!(clock.now(), Duration::ZERO);
        assert!(clock.advance_to(Duration::from_millis(3_600_000)));
        assert_eq!(clock.now(), Duration::from_millis(3_600_000));
        assert!(!clock.advance_to(Duration::from_millis(5)));
        assert_eq!(clock.now(), Duration::from_millis(3_600_000));
    }

    #[test]
    fn real_clock_ignores_advance() {
        let clock = Clock::new(TimeMode::Real);
        assert!(!clock.advance_to(Duration::from_secs(10)));
        assert!(clock.now() < Duration::from_secs(10));
    }
}
