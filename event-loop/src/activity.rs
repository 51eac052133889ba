//! Knowing when a set of event loops is quiescent.
//!
//! Every agent that is running (not waiting) holds one unit of activity, and so does every
//! task in flight between threads: the sender adds one before sending, the receiving agent
//! takes it away once the task is in its task queue (it is running then, so it holds its own
//! unit meanwhile; an agent woken by a task takes the task's unit over as its own). The count
//! is zero exactly when no agent runs and nothing is in flight:
//! the whole system is quiescent, and under virtual time the clock may jump.
//!
//! An epoch, bumped by every [`Activity::begin`] (an agent starting to run, a task being sent),
//! lets an observer check that what it read while the count was zero (each agent's next timer)
//! was read during one quiescent stretch: the count and the epoch share one atomic word, so one
//! snapshot of it before and one after the reads compare equal only if nothing began in
//! between.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// The low half of the word: the count; the high half: the epoch.
const COUNT_MASK: u64 = 0xffff_ffff;
const ONE_BEGIN: u64 = (1 << 32) | 1;

/// The activity count of a set of event loops (see the module documentation).
#[derive(Debug, Default)]
pub struct Activity {
    /// `epoch << 32 | count`. Every access is `SeqCst`: the quiescence argument needs one
    /// total order of begins, ends and observations.
    state: AtomicU64,
    lock: Mutex<()>,
    quiescent: Condvar,
}

/// The count and epoch of an [`Activity`] read at one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ActivitySnapshot(u64);

impl ActivitySnapshot {
    /// The count then (0: quiescent).
    pub(crate) fn count(self) -> u64 {
        self.0 & COUNT_MASK
    }

    /// Whether nothing was running or in flight then.
    pub(crate) fn is_quiescent(self) -> bool {
        self.count() == 0
    }
}

impl Activity {
    /// A new count, at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// An agent starts running, or a task is about to be sent.
    pub fn begin(&self) {
        // One step bumps the epoch and the count together (the epoch wraps harmlessly).
        self.state.fetch_add(ONE_BEGIN, Ordering::SeqCst);
    }

    /// An agent stops running, or a sent task reached its task queue (or was lost).
    pub fn end(&self) {
        let previous = self
            .state
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |state| {
                (state & COUNT_MASK != 0).then(|| state - 1)
            });
        if previous.is_ok_and(|state| state & COUNT_MASK == 1) {
            // Taking the lock orders this notification after a waiter's check of the count.
            let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
            self.quiescent.notify_all();
        }
    }

    /// The count and the epoch, read together.
    pub(crate) fn snapshot(&self) -> ActivitySnapshot {
        ActivitySnapshot(self.state.load(Ordering::SeqCst))
    }

    /// The current count (0: quiescent).
    pub fn count(&self) -> u64 {
        self.snapshot().count()
    }

    /// Waits until the count is zero or `timeout` passes; returns whether it is zero.
    pub fn wait_for_quiescence(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        while self.count() != 0 {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            guard = match self.quiescent.wait_timeout(guard, deadline - now) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn zero_only_when_every_unit_ended() {
        let activity = Activity::new();
        assert_eq!(activity.count(), 0);
        activity.begin();
        activity.begin();
        activity.end();
        assert!(!activity.wait_for_quiescence(Duration::from_millis(1)));
        activity.end();
        assert!(activity.wait_for_quiescence(Duration::from_millis(1)));
        // Ending more than began never wraps around.
        activity.end();
        assert_eq!(activity.count(), 0);
    }

    #[test]
    fn a_snapshot_changes_whenever_anything_started_running_even_if_it_stopped_again() {
        let activity = Activity::new();
        let before = activity.snapshot();
        assert!(before.is_quiescent());
        activity.begin();
        activity.end();
        let after = activity.snapshot();
        assert!(after.is_quiescent());
        assert_ne!(before, after);
    }

    #[test]
    fn a_waiter_wakes_when_another_thread_ends_the_last_unit() {
        let activity = Arc::new(Activity::new());
        activity.begin();
        let other = Arc::clone(&activity);
        let thread = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            other.end();
        });
        assert!(activity.wait_for_quiescence(Duration::from_secs(10)));
        assert!(thread.join().is_ok());
    }
}
