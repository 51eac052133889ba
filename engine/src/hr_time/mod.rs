//! Time as scripts see it: `Date.now()` and `performance.now()` follow the user agent's clock,
//! real or virtual.
//!
//! Spec: <https://w3c.github.io/hr-time/#sec-time-origin>

pub(crate) mod performance;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use boa_engine::context::time::{Clock as JsClock, JsInstant};
use postern_event_loop::{Clock, TimeMode};

/// The JS engine's clock for one agent: the wall-clock time at which the user agent's clock
/// started, plus the clock's time since then. Under virtual time `Date.now()` therefore moves
/// only when the virtual clock jumps.
#[derive(Debug, Clone)]
pub(crate) struct AgentClock {
    clock: Clock,
    epoch: Duration,
}

impl AgentClock {
    /// A JS clock reading `clock`, whose time 0 is `epoch` after the Unix epoch.
    pub fn new(clock: Clock, epoch: Duration) -> Self {
        AgentClock { clock, epoch }
    }
}

/// The time since the Unix epoch now (0 on a machine whose clock is before 1970).
pub(crate) fn wall_clock_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

impl JsClock for AgentClock {
    fn now(&self) -> JsInstant {
        let t = self.epoch.saturating_add(self.clock.now());
        JsInstant::new(t.as_secs(), t.subsec_nanos())
    }

    fn system_time_millis(&self) -> i64 {
        let t = self.epoch.saturating_add(self.clock.now());
        i64::try_from(t.as_millis()).unwrap_or(i64::MAX)
    }
}

/// Coarsen time: the resolution scripts may observe.
///
/// Spec: <https://w3c.github.io/hr-time/#dfn-coarsen-time>
pub(crate) fn coarsen_time(timestamp: Duration, mode: TimeMode) -> Duration {
    // 1. Let time resolution be 100 microseconds, or 5 microseconds if
    //    crossOriginIsolatedCapability is true.
    // Deviation: no document is cross-origin isolated here (100 µs); under virtual time the
    // clock only takes the values timers give it, so nothing is coarsened.
    if mode == TimeMode::Virtual {
        return timestamp;
    }
    let resolution = 100_000u128;
    // 2. Let coarse time be the result of calling an implementation-defined function that
    //    coarsens timestamp to time resolution (rounded down; no jitter here).
    let nanos = timestamp.as_nanos() / resolution * resolution;
    // 3. Return timestamp as a moment (coarse time).
    Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
}

/// The relative high resolution coarse time: `time` relative to `time_origin`, coarsened, in
/// milliseconds.
///
/// Spec: <https://w3c.github.io/hr-time/#dfn-relative-high-resolution-coarse-time>
pub(crate) fn relative_high_resolution_coarse_time(
    time: Duration,
    time_origin: Duration,
    mode: TimeMode,
) -> f64 {
    // 1. Let coarse time be the result of calling coarsen time with coarsenMoment.
    // 2. Return the relative high resolution time given coarse time and global.
    let coarse = coarsen_time(time.saturating_sub(time_origin), mode);
    coarse.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_time_is_coarsened_to_100_microseconds() {
        let t = Duration::from_nanos(1_234_567_891);
        assert_eq!(
            coarsen_time(t, TimeMode::Real),
            Duration::from_micros(1_234_500)
        );
        assert_eq!(coarsen_time(t, TimeMode::Virtual), t);
        let ms = relative_high_resolution_coarse_time(
            Duration::from_millis(250),
            Duration::from_millis(50),
            TimeMode::Virtual,
        );
        assert_eq!(ms, 200.0);
    }

    #[test]
    fn date_now_follows_a_virtual_clock() {
        let clock = Clock::new(TimeMode::Virtual);
        let js = AgentClock::new(clock.clone(), Duration::from_secs(1_000));
        assert_eq!(js.system_time_millis(), 1_000_000);
        clock.advance_to(Duration::from_millis(3_600_000));
        assert_eq!(js.system_time_millis(), 4_600_000);
    }
}
