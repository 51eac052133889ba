//! A panicking agent: its crash is reported, what it leaves and what is sent to it afterwards
//! is counted lost, and the others go on until the system is idle (real and virtual time).

mod common;

use std::time::Duration;

use common::{Steps, TestAgent, limits, never, send, spawn, steps, world_of};
use postern_event_loop::{
    AgentId, Coordinator, CrashCause, CrashReport, RunOutcome, TaskSource, TimeMode,
};

const MODES: [TimeMode; 2] = [TimeMode::Real, TimeMode::Virtual];

/// Messages the last ping sends to the crashed agent 2.
const TO_THE_CRASHED: u64 = 2_000;

/// Bounces between agents 1 and 3 `left` more times; the last one sends many tasks to the
/// crashed agent, the last thing that happens in the run.
fn ping(left: u32) -> Steps {
    steps(move |ctx| {
        ctx.log(format!("ping {left}"));
        if left == 0 {
            for _ in 0..TO_THE_CRASHED {
                ctx.post(
                    AgentId(2),
                    TaskSource::PostedMessage,
                    steps(|c| c.log("never")),
                );
            }
        }
        if left > 0 {
            let to = if ctx.id() == AgentId(1) {
                AgentId(3)
            } else {
                AgentId(1)
            };
            assert!(ctx.post(to, TaskSource::PostedMessage, ping(left - 1)));
        }
    })
}

fn crash_and_go_on(mode: TimeMode) {
    let (coordinator, world, handles) = world_of(mode, 3);
    // Agent 2 queues two tasks on itself, then panics: both are lost with it.
    send(
        &handles[1],
        TaskSource::DomManipulation,
        steps(|ctx| {
            ctx.queue_local(TaskSource::DomManipulation, None, steps(|c| c.log("never")));
            ctx.queue_local(TaskSource::Networking, None, steps(|c| c.log("never")));
            panic!("boom in agent {}", ctx.id().0);
        }),
    );
    assert_eq!(
        coordinator.run_until(&never, limits()),
        RunOutcome::Idle,
        "{mode:?}"
    );
    assert_eq!(
        coordinator.crashes(),
        vec![CrashReport {
            agent: AgentId(2),
            cause: CrashCause::Panic,
            message: "boom in agent 2".into(),
        }],
        "{mode:?}"
    );
    assert_eq!(
        coordinator.lost_tasks(),
        2,
        "{mode:?}: tasks queued at the crash"
    );
    // Afterwards agent 1 sends 5 tasks to the crashed agent and plays ping-pong with agent 3
    // (which sends more); the test's thread sends one more to the crashed agent.
    send(
        &handles[0],
        TaskSource::DomManipulation,
        steps(|ctx| {
            for _ in 0..5 {
                ctx.post(
                    AgentId(2),
                    TaskSource::PostedMessage,
                    steps(|c| c.log("never")),
                );
            }
            assert!(ctx.post(AgentId(3), TaskSource::PostedMessage, ping(20)));
        }),
    );
    send(
        &handles[1],
        TaskSource::DomManipulation,
        steps(|c| c.log("never")),
    );
    assert_eq!(
        coordinator.run_until(&never, limits()),
        RunOutcome::Idle,
        "{mode:?}"
    );
    // Counted by the time the run is idle, not only at shutdown.
    let lost = 2 + 5 + 1 + TO_THE_CRASHED;
    assert_eq!(coordinator.lost_tasks(), lost, "{mode:?}");
    let trace = world.trace();
    assert!(!trace.iter().any(|(_, _, e)| e == "never"), "{mode:?}");
    let pings: Vec<_> = trace
        .iter()
        .filter(|(_, _, e)| e.starts_with("ping"))
        .collect();
    assert_eq!(pings.len(), 21, "{mode:?}");
    assert_eq!(pings[20].2, "ping 0");
    let report = coordinator.shutdown(Duration::from_secs(10));
    assert_eq!(report.stuck_threads, 0, "{mode:?}");
    assert_eq!(report.lost_tasks, lost, "{mode:?}");
}

#[test]
fn a_panicking_agent_is_reported_its_tasks_are_lost_and_the_others_go_on_in_real_time() {
    crash_and_go_on(TimeMode::Real);
}

#[test]
fn a_panicking_agent_is_reported_its_tasks_are_lost_and_the_others_go_on_in_virtual_time() {
    crash_and_go_on(TimeMode::Virtual);
}

#[test]
fn an_agent_that_cannot_be_built_is_reported_and_the_run_still_ends_idle() {
    for mode in MODES {
        let (coordinator, world, handles) = world_of(mode, 1);
        let failing = coordinator
            .spawn_agent(|_| Err::<TestAgent, String>("no engine".into()))
            .unwrap();
        let panicking = coordinator
            .spawn_agent(|_| -> Result<TestAgent, String> { panic!("engine init panicked") })
            .unwrap();
        send(
            &failing,
            TaskSource::DomManipulation,
            steps(|c| c.log("never")),
        );
        send(
            &handles[0],
            TaskSource::DomManipulation,
            steps(|c| c.log("ran")),
        );
        assert_eq!(
            coordinator.run_until(&never, limits()),
            RunOutcome::Idle,
            "{mode:?}"
        );
        let mut crashes = coordinator.crashes();
        crashes.sort_by_key(|c| c.agent);
        assert_eq!(
            crashes,
            vec![
                CrashReport {
                    agent: failing.agent(),
                    cause: CrashCause::Panic,
                    message: "no engine".into()
                },
                CrashReport {
                    agent: panicking.agent(),
                    cause: CrashCause::Panic,
                    message: "engine init panicked".into()
                },
            ],
            "{mode:?}"
        );
        assert_eq!(coordinator.lost_tasks(), 1, "{mode:?}");
        assert_eq!(world.trace().len(), 1, "{mode:?}");
        assert_eq!(
            coordinator.shutdown(Duration::from_secs(10)).stuck_threads,
            0
        );
    }
}

#[test]
fn an_agent_spawned_after_a_crash_runs() {
    for mode in MODES {
        let coordinator: Coordinator<Steps> =
            Coordinator::new(postern_event_loop::Clock::new(mode));
        let world = common::World::new();
        let first = spawn(&coordinator, &world);
        send(
            &first,
            TaskSource::DomManipulation,
            steps(|_| panic!("first")),
        );
        assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
        let second = spawn(&coordinator, &world);
        send(
            &second,
            TaskSource::DomManipulation,
            steps(|c| c.log("second")),
        );
        assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
        assert_eq!(world.trace().len(), 1, "{mode:?}");
        assert_eq!(coordinator.crashes().len(), 1);
        coordinator.shutdown(Duration::from_secs(10));
    }
}

#[test]
fn a_task_sent_to_a_crashed_agent_is_counted_lost_by_the_time_the_run_is_idle() {
    for mode in MODES {
        let (coordinator, _world, handles) = world_of(mode, 2);
        send(
            &handles[0],
            TaskSource::DomManipulation,
            steps(|_| panic!("gone")),
        );
        assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
        for n in 1..=50 {
            send(
                &handles[0],
                TaskSource::PostedMessage,
                steps(|c| c.log("never")),
            );
            assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
            assert_eq!(coordinator.lost_tasks(), n, "{mode:?}");
        }
        coordinator.shutdown(Duration::from_secs(10));
    }
}
