//! The processing model under the coordinator: tasks of a document that is not fully active
//! wait (the agent still counts as idle) and run once it is; a destroyed document's tasks and
//! timers are dropped, and the run no longer waits for its timer.

mod common;

use std::time::Duration;

use common::{limits, never, send, steps, world_of};
use postern_event_loop::{DocumentKey, RunLimits, RunOutcome, TaskSource, TimeMode};

const DOC: DocumentKey = DocumentKey(5);
const GONE: DocumentKey = DocumentKey(6);
const HOUR: Duration = Duration::from_secs(3600);

#[test]
fn tasks_of_an_inactive_document_wait_until_it_is_active_and_a_destroyed_ones_are_dropped_with_its_timers()
 {
    for mode in [TimeMode::Real, TimeMode::Virtual] {
        let (coordinator, world, handles) = world_of(mode, 1);
        let agent = &handles[0];
        send(
            agent,
            TaskSource::DomManipulation,
            steps(|ctx| {
                ctx.set_active(DOC, false);
                for n in 1..=3 {
                    let task = steps(move |c| c.log(format!("doc {n}")));
                    ctx.queue_local(TaskSource::PostedMessage, Some(DOC), task);
                }
                ctx.queue_local(TaskSource::PostedMessage, None, steps(|c| c.log("free")));
            }),
        );
        assert_eq!(
            coordinator.run_until(&never, limits()),
            RunOutcome::Idle,
            "{mode:?}"
        );
        let logged = |world: &common::World| -> Vec<String> {
            world.trace().into_iter().map(|(_, _, e)| e).collect()
        };
        assert_eq!(logged(&world), ["free"], "{mode:?}");
        send(
            agent,
            TaskSource::DomManipulation,
            steps(|ctx| ctx.set_active(DOC, true)),
        );
        assert_eq!(
            coordinator.run_until(&never, limits()),
            RunOutcome::Idle,
            "{mode:?}"
        );
        assert_eq!(
            logged(&world),
            ["free", "doc 1", "doc 2", "doc 3"],
            "{mode:?}"
        );
        // A destroyed document: its queued tasks and its pending timer are removed, never
        // run, and the agent no longer reports the timer, so the run is idle at once (under
        // virtual time the clock does not jump to the timer; under real time the run does
        // not wait for it until its wall limit).
        send(
            agent,
            TaskSource::DomManipulation,
            steps(|ctx| {
                ctx.queue_local(TaskSource::Networking, Some(GONE), steps(|c| c.log("gone")));
                ctx.queue_local(TaskSource::Networking, Some(GONE), steps(|c| c.log("gone")));
                ctx.set_document_timeout(GONE, HOUR, steps(|c| c.log("gone timer")));
                let removed = ctx.remove_tasks_of_document(GONE);
                ctx.log(format!("removed {removed}"));
            }),
        );
        let short = RunLimits {
            time_limit: 2 * HOUR,
            wall_limit: Duration::from_secs(10),
        };
        assert_eq!(
            coordinator.run_until(&never, short),
            RunOutcome::Idle,
            "{mode:?}"
        );
        assert_eq!(
            logged(&world).last().map(String::as_str),
            Some("removed 3"),
            "{mode:?}"
        );
        assert!(
            !logged(&world).iter().any(|e| e.starts_with("gone")),
            "{mode:?}"
        );
        assert!(coordinator.clock().now() < HOUR, "{mode:?}");
        let report = coordinator.shutdown(Duration::from_secs(10));
        assert_eq!(report.lost_tasks, 0);
        assert_eq!(report.stuck_threads, 0);
    }
}
