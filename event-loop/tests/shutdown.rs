//! Shutdown: every thread stops, what is left is counted lost, nothing starts afterwards.

// Test code (helpers outside #[test] fns too): a failed unwrap/expect is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use common::{
    Steps, TestAgent, limits, never, send, spawn, steps, try_spawn, wall_limited, world_of,
};
use postern_event_loop::{
    AgentLoop, DocumentKey, EventLoop, EventLoopHandle, LoopState, RunLimits, RunOutcome,
    SpawnError, TaskSource, TimeMode,
};

const GRACE: Duration = Duration::from_secs(10);

#[test]
fn real_time_shutdown_stops_every_thread_and_counts_what_is_left() {
    let (coordinator, world, handles) = world_of(TimeMode::Real, 3);
    // Each agent keeps 4 tasks of an inactive document (never runnable) and a long timer.
    for handle in &handles {
        send(
            handle,
            TaskSource::DomManipulation,
            steps(|ctx| {
                let doc = DocumentKey(ctx.id().0);
                ctx.set_active(doc, false);
                for _ in 0..4 {
                    ctx.queue_local(TaskSource::Networking, Some(doc), steps(|c| c.log("never")));
                }
                ctx.set_timeout(Duration::from_secs(3600), steps(|c| c.log("never")));
            }),
        );
    }
    let short = RunLimits {
        time_limit: Duration::from_secs(60),
        wall_limit: Duration::from_secs(60),
    };
    assert_eq!(coordinator.run_until(&never, short), RunOutcome::TimeLimit);
    // Agent 1 is busy in a task while 10 more reach its channel: they are in flight at the
    // shutdown.
    occupy(&handles[0], Duration::from_millis(100));
    for _ in 0..10 {
        send(
            &handles[0],
            TaskSource::PostedMessage,
            steps(|c| c.log("never")),
        );
    }
    let report = coordinator.shutdown(GRACE);
    assert_eq!(report.stuck_threads, 0);
    assert_eq!(report.lost_tasks, 3 * 4 + 10);
    assert_eq!(world.dropped.load(Ordering::SeqCst), 3);
    assert!(world.trace().is_empty());
    // After the shutdown: no new agent, no task accepted, and a run returns at once.
    assert!(matches!(
        coordinator.spawn_agent(|_| Err::<TestAgent, String>("unused".into())),
        Err(SpawnError::ShuttingDown)
    ));
    assert!(
        handles[1]
            .queue_a_task(postern_event_loop::Task::new(
                TaskSource::PostedMessage,
                None,
                steps(|_| {})
            ))
            .is_err()
    );
    assert_eq!(
        coordinator.run_until(&never, wall_limited(Duration::from_secs(5))),
        RunOutcome::Idle
    );
}

#[test]
fn virtual_time_shutdown_counts_tasks_that_never_had_a_turn() {
    let (coordinator, world, handles) = world_of(TimeMode::Virtual, 2);
    for handle in &handles {
        for _ in 0..5 {
            send(handle, TaskSource::PostedMessage, steps(|c| c.log("never")));
        }
    }
    let report = coordinator.shutdown(GRACE);
    assert_eq!(report.stuck_threads, 0);
    assert_eq!(report.lost_tasks, 10);
    assert_eq!(world.dropped.load(Ordering::SeqCst), 2);
    assert!(matches!(
        coordinator.spawn_agent(|_| Err::<TestAgent, String>("unused".into())),
        Err(SpawnError::ShuttingDown)
    ));
    assert_eq!(
        coordinator.run_until(&never, wall_limited(Duration::from_secs(5))),
        RunOutcome::Idle
    );
}

#[test]
fn a_thread_still_busy_after_the_grace_period_is_counted_stuck() {
    let (coordinator, _world, handles) = world_of(TimeMode::Real, 2);
    occupy(&handles[0], Duration::from_millis(400));
    let report = coordinator.shutdown(Duration::from_millis(50));
    assert_eq!(report.stuck_threads, 1);
}

#[test]
fn an_agent_spawned_while_the_coordinator_shuts_down_is_stopped_or_refused() {
    for mode in [TimeMode::Real, TimeMode::Virtual] {
        for _ in 0..50 {
            let (coordinator, world, _) = world_of(mode, 1);
            let spawner = {
                let coordinator = coordinator.clone();
                let world = std::sync::Arc::clone(&world);
                thread::spawn(move || {
                    let mut spawned = 0;
                    for _ in 0..20 {
                        match try_spawn(&coordinator, &world) {
                            Ok(_) => spawned += 1,
                            Err(SpawnError::ShuttingDown) => break,
                            Err(other) => panic!("{other}"),
                        }
                    }
                    spawned
                })
            };
            thread::sleep(Duration::from_micros(200));
            let report = coordinator.shutdown(GRACE);
            let spawned = spawner.join().unwrap();
            assert_eq!(report.stuck_threads, 0);
            // Every agent that was started was stopped by the shutdown.
            assert_eq!(
                world.dropped.load(Ordering::SeqCst),
                1 + spawned,
                "{mode:?}: an agent spawned during the shutdown was never stopped"
            );
            drop(coordinator);
        }
    }
}

#[test]
fn a_shutdown_after_a_run_to_idle_reports_no_lost_task_and_no_stuck_thread() {
    let (coordinator, world, _) = world_of(TimeMode::Virtual, 0);
    let h = spawn(&coordinator, &world);
    send(&h, TaskSource::PostedMessage, steps(|c| c.log("ran")));
    assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
    assert_eq!(world.trace().len(), 1);
    assert_eq!(coordinator.shutdown(GRACE), Default::default());
}

/// Queues itself again forever, a millisecond apart.
fn forever() -> common::Steps {
    steps(|ctx| {
        thread::sleep(Duration::from_millis(1));
        ctx.queue_local(TaskSource::DomManipulation, None, forever());
    })
}

#[test]
fn a_shutdown_from_another_thread_ends_a_run_in_progress() {
    for mode in [TimeMode::Real, TimeMode::Virtual] {
        let (coordinator, _world, handles) = world_of(mode, 2);
        send(&handles[0], TaskSource::DomManipulation, forever());
        let stopper = {
            let coordinator = coordinator.clone();
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(50));
                coordinator.shutdown(GRACE)
            })
        };
        // A run that missed the shutdown would go on until its wall limit (`TimeLimit`).
        assert_eq!(
            coordinator.run_until(&never, wall_limited(Duration::from_secs(5))),
            RunOutcome::Idle,
            "{mode:?}"
        );
        let report = stopper.join().unwrap();
        assert_eq!(report.stuck_threads, 0);
        assert_eq!(report.lost_tasks, 1, "{mode:?}: the task it had queued");
    }
}

/// Makes the agent of `handle` run one task that sleeps for `how_long`, and returns once that
/// task has started.
fn occupy(handle: &EventLoopHandle<Steps>, how_long: Duration) {
    let (started, wait_started) = mpsc::channel();
    send(
        handle,
        TaskSource::DomManipulation,
        steps(move |_| {
            started.send(()).unwrap();
            thread::sleep(how_long);
        }),
    );
    wait_started.recv().unwrap();
}

/// An agent that never has a task and takes a while to drop: its thread (and so its command
/// channel) outlives a shutdown for that long.
struct SlowToDrop(RefCell<EventLoop<Steps>>);

impl AgentLoop for SlowToDrop {
    type Steps = Steps;
    fn run_one_turn(&mut self) -> LoopState {
        LoopState::Idle { next_timer: None }
    }
    fn event_loop(&self) -> &RefCell<EventLoop<Steps>> {
        &self.0
    }
}

impl Drop for SlowToDrop {
    fn drop(&mut self) {
        thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_shutdown_between_two_turns_of_a_run_ends_the_run() {
    for mode in [TimeMode::Real, TimeMode::Virtual] {
        let (coordinator, world, handles) = world_of(mode, 1);
        // Agent 2 is ready for a turn (an agent starts with work to look at) and is still
        // draining its command channel after the shutdown when the run reaches it.
        let slow = coordinator.spawn_agent(|event_loop| Ok(SlowToDrop(RefCell::new(event_loop))));
        assert!(slow.is_ok());
        let ran = Arc::new(AtomicBool::new(false));
        let ran_in_task = Arc::clone(&ran);
        send(
            &handles[0],
            TaskSource::DomManipulation,
            steps(move |_| ran_in_task.store(true, Ordering::SeqCst)),
        );
        // Once agent 1's task has run (in virtual time: between agent 1's turn and agent
        // 2's), another thread shuts the coordinator down without waiting for the threads.
        let shut_down = AtomicBool::new(false);
        let stop = || {
            if ran.load(Ordering::SeqCst) && !shut_down.swap(true, Ordering::SeqCst) {
                let other = coordinator.clone();
                assert!(
                    thread::spawn(move || other.shutdown(Duration::ZERO))
                        .join()
                        .is_ok()
                );
            }
            false
        };
        // A run that missed the shutdown would go on until its wall limit (`TimeLimit`).
        assert_eq!(
            coordinator.run_until(&stop, wall_limited(Duration::from_secs(5))),
            RunOutcome::Idle,
            "{mode:?}"
        );
        assert!(shut_down.load(Ordering::SeqCst), "{mode:?}");
        assert_eq!(world.trace(), [], "{mode:?}");
    }
}
