//! How [`Coordinator::run_until`] drives the agents: watching them run freely (real time), or
//! giving them turns and moving the clock (virtual time).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model>
//! (each agent's thread runs the processing model; this only decides when the whole system is
//! idle, and under virtual time when the clock moves).

use std::time::{Duration, Instant};

use super::{AgentView, Coordinator, RunLimits, RunOutcome};
use crate::control::Control;
use crate::wait::recv_polling;

/// How often a wait for the end of a turn looks for a shutdown.
const SHUTDOWN_CHECK: Duration = Duration::from_millis(1);

impl<T: Send + 'static> Coordinator<T> {
    /// Real time: the agents run on their own; watch for quiescence.
    pub(super) fn run_free(&self, stop: &dyn Fn() -> bool, limits: RunLimits) -> RunOutcome {
        let started = Instant::now();
        let common = &self.shared.common;
        loop {
            if stop() {
                return RunOutcome::Stopped;
            }
            if self.is_shut_down() {
                return RunOutcome::Idle;
            }
            if started.elapsed() >= limits.wall_limit || common.clock.now() >= limits.time_limit {
                return RunOutcome::TimeLimit;
            }
            let before = common.activity.snapshot();
            if !before.is_quiescent() {
                common
                    .activity
                    .wait_for_quiescence(Duration::from_millis(1));
                continue;
            }
            let next_timer = self
                .views()
                .iter()
                .filter_map(|v| v.status.next_timer())
                .min();
            // What was read belongs to one quiescent stretch only if nothing started running
            // meanwhile (a begin changes the snapshot even if it ended again).
            if common.activity.snapshot() != before {
                continue;
            }
            match next_timer {
                None => return RunOutcome::Idle,
                Some(deadline) if deadline > limits.time_limit => return RunOutcome::TimeLimit,
                Some(_) => std::thread::sleep(Duration::from_millis(1)),
            }
        }
    }

    /// Virtual time: give each agent with work a turn, in id order, one at a time; when none
    /// has work and nothing is in flight, jump the clock to the earliest timer.
    pub(super) fn run_in_turns(&self, stop: &dyn Fn() -> bool, limits: RunLimits) -> RunOutcome {
        let started = Instant::now();
        let wall_left = || limits.wall_limit.saturating_sub(started.elapsed());
        let common = &self.shared.common;
        let clock = &common.clock;
        // A turn that an earlier run's wall limit cut short ends before any other starts.
        if !self.finish_turn(wall_left()) {
            return RunOutcome::TimeLimit;
        }
        loop {
            if stop() {
                return RunOutcome::Stopped;
            }
            if self.is_shut_down() {
                return RunOutcome::Idle;
            }
            if started.elapsed() >= limits.wall_limit || clock.now() > limits.time_limit {
                return RunOutcome::TimeLimit;
            }
            let now = clock.now();
            let views = self.views();
            let ready: Vec<&AgentView> = views
                .iter()
                .filter(|v| {
                    v.status.has_work()
                        || v.in_flight > 0
                        || v.status.next_timer().is_some_and(|t| t <= now)
                })
                .collect();
            if ready.is_empty() {
                // Nothing may still be under way before the clock moves or the run is idle:
                // a crashed agent counting what was sent to it as lost, or a task another
                // thread is sending. Then look again.
                if !common.activity.snapshot().is_quiescent() {
                    // In slices, so that a shutdown meanwhile is seen.
                    let slice = wall_left().min(Duration::from_millis(1));
                    common.activity.wait_for_quiescence(slice);
                    continue;
                }
                match views.iter().filter_map(|v| v.status.next_timer()).min() {
                    None => return RunOutcome::Idle,
                    Some(deadline) if deadline > limits.time_limit => {
                        return RunOutcome::TimeLimit;
                    }
                    Some(deadline) => {
                        clock.advance_to(deadline);
                    }
                }
                continue;
            }
            for view in ready {
                self.start_turn(view);
                if !self.finish_turn(wall_left()) {
                    return RunOutcome::TimeLimit;
                }
                if self.is_shut_down() {
                    return RunOutcome::Idle;
                }
                if stop() {
                    return RunOutcome::Stopped;
                }
            }
        }
    }

    /// Tells an agent to take a turn.
    fn start_turn(&self, view: &AgentView) {
        let mut turns = self.turns();
        let turn = turns.last + 1;
        turns.last = turn;
        // An agent whose thread is gone takes no turn.
        if view.control.send(Control::Go(turn)).is_ok() {
            turns.running = Some(turn);
        }
    }

    /// Waits (at most `remaining`) for the running turn, if any, to end; false if it did not.
    ///
    /// Also true once [`Coordinator::shutdown`] was called: an agent told to stop never
    /// reports the end of a turn given to it meanwhile (its command channel may still take
    /// the turn while its thread winds down).
    fn finish_turn(&self, remaining: Duration) -> bool {
        let mut turns = self.turns();
        let Some(running) = turns.running else {
            return true;
        };
        let deadline = Instant::now() + remaining;
        let mut polled = false;
        loop {
            if self.is_shut_down() {
                turns.running = None;
                return true;
            }
            // In slices, so that a shutdown meanwhile is seen; only the first one polls
            // before parking (most turns end within it).
            let slice_end = deadline.min(Instant::now() + SHUTDOWN_CHECK);
            let reported = if polled {
                self.shared.done.recv_deadline(slice_end).map_err(|_| ())
            } else {
                polled = true;
                recv_polling(&self.shared.done, Some(slice_end))
            };
            match reported {
                Ok(turn) if turn == running => {
                    turns.running = None;
                    return true;
                }
                // The late report of a turn already given up on.
                Ok(_) => {}
                Err(()) if Instant::now() >= deadline => return false,
                // The end of a slice.
                Err(()) => {}
            }
        }
    }
}
