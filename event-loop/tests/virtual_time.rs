//! Virtual time under the coordinator: agents take turns, the clock jumps to the earliest
//! timer only when every agent is idle, and the same inputs give the same trace.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{Event, Steps, limits, never, send, steps, wall_limited, world_of};
use postern_event_loop::{AgentId, RunLimits, RunOutcome, TaskSource, TimeMode};

const AGENTS: u64 = 4;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn next_agent(of: AgentId) -> AgentId {
    AgentId(of.0 % AGENTS + 1)
}

/// A message hopping from agent to agent: it must arrive at the virtual time it was sent at
/// (the clock does not move while anything is in flight). Every other hop sets a timer from
/// the message handler.
fn relay(label: String, hops: u32, sent_at: Duration) -> Steps {
    steps(move |ctx| {
        let on_time = if ctx.now() == sent_at { "" } else { " LATE" };
        ctx.log(format!("{label} hop {hops}{on_time}"));
        if hops == 0 {
            return;
        }
        if hops.is_multiple_of(2) {
            let delay = ms(u64::from(hops) + ctx.id().0);
            ctx.set_timeout(
                delay,
                timer(format!("{label}/t{hops}"), ctx.now(), delay, 0),
            );
        }
        let to = next_agent(ctx.id());
        ctx.post(
            to,
            TaskSource::PostedMessage,
            relay(label, hops - 1, ctx.now()),
        );
    })
}

/// A timer: it must fire exactly at its deadline; then it starts a relay of `hops`.
fn timer(label: String, set_at: Duration, delay: Duration, hops: u32) -> Steps {
    steps(move |ctx| {
        let on_time = if ctx.now() == set_at + delay {
            ""
        } else {
            " OFF"
        };
        ctx.log(format!("timer {label}{on_time}"));
        if hops > 0 {
            let to = next_agent(ctx.id());
            ctx.post(to, TaskSource::PostedMessage, relay(label, hops, ctx.now()));
        }
    })
}

/// Each agent sets timers of various delays (one of an hour) and the timers start relays of
/// messages across agents, which set more timers.
fn start(delays: &'static [u64]) -> Steps {
    steps(move |ctx| {
        for (i, delay) in delays.iter().enumerate() {
            let label = format!("a{}.{i}@{delay}", ctx.id().0);
            ctx.set_timeout(ms(*delay), timer(label, ctx.now(), ms(*delay), 6));
        }
        ctx.log("start");
    })
}

fn scenario() -> (Vec<Event>, Duration) {
    let (coordinator, world, handles) = world_of(TimeMode::Virtual, AGENTS as usize);
    const DELAYS: [&[u64]; AGENTS as usize] =
        [&[0, 5, 10, 3_600_000], &[5, 7, 20], &[1, 1, 2, 30], &[100]];
    for (handle, delays) in handles.iter().zip(DELAYS) {
        send(handle, TaskSource::DomManipulation, start(delays));
    }
    // An hour of timers completes at once: well within the wall limit.
    assert_eq!(
        coordinator.run_until(&never, wall_limited(Duration::from_secs(10))),
        RunOutcome::Idle
    );
    let now = coordinator.clock().now();
    let report = coordinator.shutdown(Duration::from_secs(10));
    assert_eq!(report.lost_tasks, 0);
    assert_eq!(report.stuck_threads, 0);
    (world.trace(), now)
}

#[test]
fn the_same_scenario_gives_the_same_trace_and_the_clock_jumps_only_when_all_is_idle() {
    let (first, now) = scenario();
    assert!(now >= Duration::from_secs(3600), "{now:?}");
    // Every timer fired at its deadline, and every message arrived at the time it was sent:
    // the clock never moved while a task was runnable or in flight.
    let late: Vec<_> = first
        .iter()
        .filter(|(_, _, e)| e.ends_with("LATE") || e.ends_with("OFF"))
        .collect();
    assert!(late.is_empty(), "{late:?}");
    assert!(first.iter().any(|(a, t, e)| {
        *a == AgentId(1) && *t == Duration::from_secs(3600) && e.starts_with("timer a1.3")
    }));
    // Tasks on several agents at several times, including relays set from message handlers.
    assert!(first.iter().any(|(_, _, e)| e.contains("/t")));
    assert!(first.len() > 100, "{}", first.len());
    for _ in 0..2 {
        let (again, again_now) = scenario();
        assert_eq!(again, first);
        assert_eq!(again_now, now);
    }
}

#[test]
fn a_timer_due_exactly_at_the_time_limit_runs() {
    let (coordinator, world, handles) = world_of(TimeMode::Virtual, 1);
    send(
        &handles[0],
        TaskSource::DomManipulation,
        steps(|ctx| ctx.set_timeout(ms(3_600_000), steps(|ctx| ctx.log("hour")))),
    );
    let limits = RunLimits {
        time_limit: ms(3_600_000),
        wall_limit: Duration::from_secs(60),
    };
    assert_eq!(coordinator.run_until(&never, limits), RunOutcome::Idle);
    assert_eq!(world.trace().len(), 1);
    // A later timer is beyond the limit: the clock stays put.
    send(
        &handles[0],
        TaskSource::DomManipulation,
        steps(|ctx| ctx.set_timeout(ms(1), steps(|ctx| ctx.log("later")))),
    );
    assert_eq!(coordinator.run_until(&never, limits), RunOutcome::TimeLimit);
    assert_eq!(coordinator.clock().now(), ms(3_600_000));
    assert_eq!(world.trace().len(), 1);
    coordinator.shutdown(Duration::from_secs(10));
}

/// A slow task that notes whether another agent's task ran at the same time.
fn slow(running: &Arc<AtomicUsize>) -> Steps {
    let running = Arc::clone(running);
    steps(move |ctx| {
        if running.fetch_add(1, Ordering::SeqCst) > 0 {
            ctx.log("overlap");
        }
        std::thread::sleep(ms(4));
        running.fetch_sub(1, Ordering::SeqCst);
        ctx.log("slow");
    })
}

#[test]
fn after_the_wall_limit_cuts_a_turn_short_the_next_run_still_runs_one_agent_at_a_time() {
    let (coordinator, world, handles) = world_of(TimeMode::Virtual, 2);
    let running = Arc::new(AtomicUsize::new(0));
    // More than one turn's worth of slow tasks on agent 1, a few on agent 2.
    for _ in 0..80 {
        send(&handles[0], TaskSource::DomManipulation, slow(&running));
    }
    for _ in 0..10 {
        send(&handles[1], TaskSource::DomManipulation, slow(&running));
    }
    let short = RunLimits {
        time_limit: Duration::from_secs(60),
        wall_limit: ms(30),
    };
    assert_eq!(coordinator.run_until(&never, short), RunOutcome::TimeLimit);
    assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
    let trace = world.trace();
    assert_eq!(trace.iter().filter(|(_, _, e)| e == "slow").count(), 90);
    assert!(
        !trace.iter().any(|(_, _, e)| e == "overlap"),
        "agents overlapped"
    );
    coordinator.shutdown(Duration::from_secs(10));
}
