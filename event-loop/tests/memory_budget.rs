//! An agent whose allocation would pass its memory budget is stopped inside it, reported with
//! the cause, and the others go on (real and virtual time); an agent under its budget, a
//! thread that is no agent's, and an agent inside a `NoStopSection` are not stopped.

mod common;

use std::time::Duration;

use common::{limits, never, send, spawn, steps, world_of};
use postern_event_loop::memory::{ContainingAllocator, NoStopSection};
use postern_event_loop::{
    AgentId, Clock, Coordinator, CrashCause, RunOutcome, TaskSource, TimeMode,
};

#[global_allocator]
static ALLOCATOR: ContainingAllocator<std::alloc::System> =
    ContainingAllocator::new(std::alloc::System);

const MODES: [TimeMode; 2] = [TimeMode::Real, TimeMode::Virtual];
const BUDGET: usize = 64 * 1024 * 1024;

/// Grows a buffer by doubling, as a runaway string does, until `bytes`.
fn grow_to(bytes: usize) -> usize {
    let mut held: Vec<Vec<u8>> = Vec::new();
    let mut size = 1024;
    while size <= bytes {
        held.push(vec![1; size]);
        size *= 2;
    }
    held.iter().map(Vec::len).sum()
}

fn past_the_budget(mode: TimeMode) {
    let (coordinator, world, handles) = world_of(mode, 0);
    coordinator.set_agent_memory_limit(Some(BUDGET));
    let handles: Vec<_> = (0..2)
        .map(|_| spawn(&coordinator, &world))
        .chain(handles)
        .collect();
    // Agent 1 grows past its budget; agent 2 allocates under it, then hears from agent 1's
    // lost messages nothing and logs.
    send(
        &handles[0],
        TaskSource::DomManipulation,
        steps(|ctx| {
            ctx.log("growing");
            let held = grow_to(4 * BUDGET);
            ctx.log(format!("never: held {held}"));
        }),
    );
    send(
        &handles[1],
        TaskSource::DomManipulation,
        steps(|ctx| {
            let held = grow_to(BUDGET / 4);
            ctx.log(format!("agent 2 held {}", held > 0));
        }),
    );
    assert_eq!(
        coordinator.run_until(&never, limits()),
        RunOutcome::Idle,
        "{mode:?}"
    );
    let crashes = coordinator.crashes();
    assert_eq!(crashes.len(), 1, "{mode:?}: {crashes:?}");
    assert_eq!(crashes[0].agent, AgentId(1), "{mode:?}");
    let CrashCause::OutOfMemory(reason) = crashes[0].cause else {
        panic!("{mode:?}: {crashes:?}");
    };
    assert_eq!(reason.limit, Some(BUDGET), "{mode:?}");
    assert!(
        reason.in_use + reason.requested > BUDGET,
        "{mode:?}: {reason:?}"
    );
    assert!(reason.in_use <= BUDGET, "{mode:?}: {reason:?}");
    // Tasks sent to the stopped agent are lost; the other agent goes on.
    send(
        &handles[0],
        TaskSource::DomManipulation,
        steps(|c| c.log("never")),
    );
    send(
        &handles[1],
        TaskSource::DomManipulation,
        steps(|c| c.log("agent 2 again")),
    );
    assert_eq!(
        coordinator.run_until(&never, limits()),
        RunOutcome::Idle,
        "{mode:?}"
    );
    assert_eq!(coordinator.lost_tasks(), 1, "{mode:?}");
    let events: Vec<String> = world.trace().into_iter().map(|(_, _, e)| e).collect();
    assert!(
        !events.iter().any(|e| e.starts_with("never")),
        "{mode:?}: {events:?}"
    );
    for expected in ["growing", "agent 2 held true", "agent 2 again"] {
        assert!(events.iter().any(|e| e == expected), "{mode:?}: {events:?}");
    }
    let report = coordinator.shutdown(Duration::from_secs(5));
    assert_eq!(report.parked_threads, 1, "{mode:?}: {report:?}");
    assert_eq!(report.stuck_threads, 0, "{mode:?}: {report:?}");
}

#[test]
fn an_agent_past_its_budget_is_stopped_and_the_others_go_on() {
    for mode in MODES {
        past_the_budget(mode);
    }
}

#[test]
fn no_budget_no_stop_and_sections_are_not_stopped() {
    // Without a budget, and inside a NoStopSection, the same growth completes.
    let coordinator: Coordinator<common::Steps> = Coordinator::new(Clock::new(TimeMode::Virtual));
    let world = common::World::new();
    let unbounded = spawn(&coordinator, &world);
    coordinator.set_agent_memory_limit(Some(BUDGET));
    let sectioned = spawn(&coordinator, &world);
    send(
        &unbounded,
        TaskSource::DomManipulation,
        steps(|ctx| ctx.log(format!("unbounded {}", grow_to(2 * BUDGET) > BUDGET))),
    );
    send(
        &sectioned,
        TaskSource::DomManipulation,
        steps(|ctx| {
            let _section = NoStopSection::enter();
            ctx.log(format!("sectioned {}", grow_to(2 * BUDGET) > BUDGET));
        }),
    );
    assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
    assert_eq!(coordinator.crashes(), Vec::new());
    let events: Vec<String> = world.trace().into_iter().map(|(_, _, e)| e).collect();
    assert!(events.contains(&"unbounded true".to_owned()), "{events:?}");
    assert!(events.contains(&"sectioned true".to_owned()), "{events:?}");
    // The test's own thread is no agent's: it is never stopped.
    assert!(grow_to(2 * BUDGET) > BUDGET);
}

#[test]
fn a_task_that_never_yields_stops_at_shutdown_on_its_next_large_allocation() {
    // A task that never returns to its loop but allocates (as a quadratic built-in does) is
    // stopped inside an allocation once the user agent shuts down, instead of running on
    // detached; it is not a crash. Without a budget too.
    for mode in MODES {
        let (coordinator, _world, handles) = world_of(mode, 1);
        send(
            &handles[0],
            TaskSource::DomManipulation,
            steps(|_| {
                let mut total = 0usize;
                loop {
                    let buffer = vec![1u8; 1 << 20];
                    total = total.wrapping_add(buffer.len());
                    std::hint::black_box(&buffer);
                }
            }),
        );
        let outcome =
            coordinator.run_until(&never, common::wall_limited(Duration::from_millis(200)));
        assert_eq!(outcome, RunOutcome::TimeLimit, "{mode:?}");
        let started = std::time::Instant::now();
        let report = coordinator.shutdown(Duration::from_secs(5));
        assert_eq!(report.stopped_threads, 1, "{mode:?}: {report:?}");
        assert_eq!(report.parked_threads, 0, "{mode:?}: {report:?}");
        assert_eq!(report.stuck_threads, 0, "{mode:?}: {report:?}");
        assert!(started.elapsed() < Duration::from_secs(2), "{mode:?}");
        assert_eq!(coordinator.crashes(), Vec::new(), "{mode:?}");
    }
}
