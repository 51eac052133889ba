//! Real time: timers take wall-clock time, and the run is idle once they have fired.

mod common;

use std::time::{Duration, Instant};

use common::{never, send, steps, wall_limited, world_of};
use postern_event_loop::{RunOutcome, TaskSource, TimeMode};

#[test]
fn a_50_ms_timer_fires_after_at_least_50_ms_of_wall_time_then_the_run_is_idle() {
    let (coordinator, world, handles) = world_of(TimeMode::Real, 2);
    let started = Instant::now();
    send(
        &handles[1],
        TaskSource::DomManipulation,
        steps(move |ctx| {
            let set_at = ctx.now();
            ctx.set_timeout(
                Duration::from_millis(50),
                steps(move |ctx| {
                    let waited = ctx.now() - set_at;
                    ctx.log(format!("fired {}", started.elapsed().as_micros()));
                    assert!(waited >= Duration::from_millis(50), "{waited:?}");
                }),
            );
        }),
    );
    assert_eq!(
        coordinator.run_until(&never, wall_limited(Duration::from_secs(5))),
        RunOutcome::Idle
    );
    let trace = world.trace();
    assert_eq!(trace.len(), 1, "{trace:?}");
    let fired: u64 = trace[0].2["fired ".len()..].parse().unwrap();
    assert!(fired >= 50_000, "fired after {fired} µs");
    assert!(coordinator.crashes().is_empty());
    let report = coordinator.shutdown(Duration::from_secs(10));
    assert_eq!(report.stuck_threads, 0);
    assert_eq!(report.lost_tasks, 0);
}
