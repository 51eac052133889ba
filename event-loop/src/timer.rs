//! "Run steps after a timeout": waits that end by queueing a task.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#run-steps-after-a-timeout>
//!
//! The global's map of active timers (handles, callbacks, nesting level) belongs to the
//! embedder; what lives here is the waiting: a deadline on the event loop's [`Clock`] and the
//! task to queue when it passes.
//!
//! [`Clock`]: crate::Clock

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use crate::ids::TimerKey;
use crate::task::Task;

/// Pending waits of one event loop, ordered by (deadline, start order).
#[derive(Debug)]
pub struct Timers<T> {
    by_deadline: BTreeMap<(Duration, u64), (TimerKey, Task<T>)>,
    by_key: HashMap<TimerKey, (Duration, u64)>,
    next: u64,
}

impl<T> Default for Timers<T> {
    fn default() -> Self {
        Timers {
            by_deadline: BTreeMap::new(),
            by_key: HashMap::new(),
            next: 0,
        }
    }
}

impl<T> Timers<T> {
    /// Starts a wait that ends at `deadline`, when `task` is to be queued.
    ///
    /// Waits started earlier with a deadline no later than this one's complete first
    /// (step 4.2 of the spec's algorithm), because the order is (deadline, start order).
    pub fn start(&mut self, deadline: Duration, task: Task<T>) -> TimerKey {
        self.next += 1;
        let key = TimerKey(self.next);
        self.by_deadline.insert((deadline, self.next), (key, task));
        self.by_key.insert(key, (deadline, self.next));
        key
    }

    /// Cancels a wait; returns whether it was still pending.
    pub fn cancel(&mut self, key: TimerKey) -> bool {
        match self.by_key.remove(&key) {
            Some(slot) => self.by_deadline.remove(&slot).is_some(),
            None => false,
        }
    }

    /// The earliest pending deadline.
    pub fn next_deadline(&self) -> Option<Duration> {
        self.by_deadline
            .keys()
            .next()
            .map(|(deadline, _)| *deadline)
    }

    /// Removes and returns, in order, every wait whose deadline is at or before `now`.
    pub fn take_due(&mut self, now: Duration) -> Vec<(TimerKey, Task<T>)> {
        let mut due = Vec::new();
        while let Some(entry) = self.by_deadline.first_entry() {
            if entry.key().0 > now {
                break;
            }
            let (key, task) = entry.remove();
            self.by_key.remove(&key);
            due.push((key, task));
        }
        due
    }

    /// Removes and returns every wait whose task satisfies `pred` (e.g. belongs to a destroyed
    /// document), in deadline order.
    pub fn remove_where(&mut self, mut pred: impl FnMut(&Task<T>) -> bool) -> Vec<Task<T>> {
        let doomed: Vec<(Duration, u64)> = self
            .by_deadline
            .iter()
            .filter(|(_, (_, task))| pred(task))
            .map(|(slot, _)| *slot)
            .collect();
        let mut removed = Vec::with_capacity(doomed.len());
        for slot in &doomed {
            if let Some((key, task)) = self.by_deadline.remove(slot) {
                self.by_key.remove(&key);
                removed.push(task);
            }
        }
        removed
    }

    /// How many waits are pending.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// Whether no wait is pending.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::TaskSource;

    fn task(n: u32) -> Task<u32> {
        Task::new(TaskSource::Timer, None, n)
    }

    #[test]
    fn due_waits_come_out_by_deadline_then_start_order() {
        let mut timers = Timers::default();
        timers.start(Duration::from_millis(10), task(1));
        timers.start(Duration::from_millis(5), task(2));
        timers.start(Duration::from_millis(10), task(3));
        timers.start(Duration::from_millis(20), task(4));
        assert_eq!(timers.next_deadline(), Some(Duration::from_millis(5)));
        let due: Vec<u32> = timers
            .take_due(Duration::from_millis(10))
            .into_iter()
            .map(|(_, t)| t.steps)
            .collect();
        assert_eq!(due, vec![2, 1, 3]);
        assert_eq!(timers.len(), 1);
    }

    #[test]
    fn cancelled_waits_never_come_due() {
        let mut timers = Timers::default();
        let a = timers.start(Duration::from_millis(1), task(1));
        timers.start(Duration::from_millis(1), task(2));
        assert!(timers.cancel(a));
        assert!(!timers.cancel(a));
        let due: Vec<u32> = timers
            .take_due(Duration::from_secs(1))
            .into_iter()
            .map(|(_, t)| t.steps)
            .collect();
        assert_eq!(due, vec![2]);
        assert!(timers.is_empty());
    }
}
