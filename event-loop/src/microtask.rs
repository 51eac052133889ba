//! The microtask queue and the microtask checkpoint.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#microtask-queue>
//!
//! Microtasks are JS-engine jobs (promise reactions, `queueMicrotask` callbacks), which are not
//! `Send`; the queue is therefore generic over the job type and shared by `Rc` between the
//! event loop's owner and the JS engine's job hook, on the agent's own thread.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

/// An event loop's microtask queue, with its "performing a microtask checkpoint" flag.
#[derive(Debug)]
pub struct MicrotaskQueue<M> {
    queue: RefCell<VecDeque<M>>,
    performing_a_microtask_checkpoint: Cell<bool>,
}

impl<M> Default for MicrotaskQueue<M> {
    fn default() -> Self {
        MicrotaskQueue {
            queue: RefCell::new(VecDeque::new()),
            performing_a_microtask_checkpoint: Cell::new(false),
        }
    }
}

impl<M> MicrotaskQueue<M> {
    /// An empty queue.
    pub fn new() -> Self {
        Self::default()
    }

    /// Queue a microtask: append it to the queue.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#queue-a-microtask>
    pub fn queue_a_microtask(&self, microtask: M) {
        self.queue.borrow_mut().push_back(microtask);
    }

    /// Whether the queue is empty.
    pub fn is_empty(&self) -> bool {
        self.queue.borrow().is_empty()
    }

    /// How many microtasks wait.
    pub fn len(&self) -> usize {
        self.queue.borrow().len()
    }

    /// Whether a checkpoint is running now.
    pub fn is_performing_a_microtask_checkpoint(&self) -> bool {
        self.performing_a_microtask_checkpoint.get()
    }

    fn dequeue(&self) -> Option<M> {
        self.queue.borrow_mut().pop_front()
    }
}

/// What a microtask checkpoint asks of its embedder.
pub trait MicrotaskHost<M> {
    /// Runs one microtask (it may queue more; they run in this same checkpoint).
    fn run_microtask(&mut self, microtask: M);
    /// Notify about rejected promises, for every global whose responsible event loop this is.
    fn notify_about_rejected_promises(&mut self) {}
    /// Perform ClearKeptObjects() (WeakRef targets kept alive during the task).
    fn clear_kept_objects(&mut self) {}
    /// Whether the agent was told to stop (see [`crate::StopSignal`]): the checkpoint then
    /// runs no further microtask.
    fn stop_requested(&self) -> bool {
        false
    }
}

/// Perform a microtask checkpoint.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#perform-a-microtask-checkpoint>
pub fn perform_a_microtask_checkpoint<M>(
    queue: &MicrotaskQueue<M>,
    host: &mut impl MicrotaskHost<M>,
) {
    // 1. If the event loop's performing a microtask checkpoint is true, then return.
    if queue.performing_a_microtask_checkpoint.get() {
        return;
    }
    // 2. Set the event loop's performing a microtask checkpoint to true.
    queue.performing_a_microtask_checkpoint.set(true);
    // 3. While the event loop's microtask queue is not empty:
    //    1. Let oldestMicrotask be the result of dequeuing from the microtask queue.
    //    2. Set the event loop's currently running task to oldestMicrotask.
    //    3. Run oldestMicrotask.
    //    4. Set the event loop's currently running task back to null.
    // (The queue's borrow is released before the microtask runs, so it can queue more.)
    while let Some(oldest_microtask) = queue.dequeue() {
        // Deviation: once the agent is told to stop (its user agent shuts down), the
        // microtasks left are dropped unrun, so that an endless chain of microtasks, which
        // never returns to the event loop, cannot keep the agent's thread running.
        if host.stop_requested() {
            drop(oldest_microtask);
            while queue.dequeue().is_some() {}
            break;
        }
        host.run_microtask(oldest_microtask);
    }
    // 4. For each environment settings object settingsObject whose responsible event loop is
    //    this event loop, notify about rejected promises given settingsObject's global object.
    host.notify_about_rejected_promises();
    // 5. Cleanup Indexed Database transactions.
    // Deviation: there is no Indexed Database here.
    // 6. Perform ClearKeptObjects().
    host.clear_kept_objects();
    // 7. Set the event loop's performing a microtask checkpoint to false.
    queue.performing_a_microtask_checkpoint.set(false);
    // 8. Record timing info for microtask checkpoint.
    // Deviation: no performance timeline here.
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    struct Recorder {
        queue: Rc<MicrotaskQueue<u32>>,
        ran: Vec<u32>,
        nested_checkpoints: u32,
    }

    impl MicrotaskHost<u32> for Recorder {
        fn run_microtask(&mut self, microtask: u32) {
            self.ran.push(microtask);
            if microtask < 3 {
                self.queue.queue_a_microtask(microtask + 10);
            }
            // A checkpoint inside a checkpoint returns at once (step 1).
            let queue = Rc::clone(&self.queue);
            let before = queue.len();
            perform_a_microtask_checkpoint(&queue, self);
            if queue.len() == before {
                self.nested_checkpoints += 1;
            }
        }
    }

    #[test]
    fn microtasks_queued_by_microtasks_run_in_the_same_checkpoint_in_order() {
        let queue = Rc::new(MicrotaskQueue::new());
        for m in 1..=4 {
            queue.queue_a_microtask(m);
        }
        let mut host = Recorder {
            queue: Rc::clone(&queue),
            ran: Vec::new(),
            nested_checkpoints: 0,
        };
        perform_a_microtask_checkpoint(&queue, &mut host);
        assert_eq!(host.ran, vec![1, 2, 3, 4, 11, 12]);
        assert_eq!(host.nested_checkpoints, 6);
        assert!(queue.is_empty());
        assert!(!queue.is_performing_a_microtask_checkpoint());
    }

    /// A host whose every microtask queues the next one, for ever, and that is told to stop
    /// after `stop_after` of them.
    struct EndlessChain {
        queue: Rc<MicrotaskQueue<u32>>,
        ran: u32,
        stop_after: u32,
    }

    impl MicrotaskHost<u32> for EndlessChain {
        fn run_microtask(&mut self, microtask: u32) {
            self.ran += 1;
            self.queue.queue_a_microtask(microtask + 1);
        }

        fn stop_requested(&self) -> bool {
            self.ran >= self.stop_after
        }
    }

    #[test]
    fn a_checkpoint_stops_an_endless_chain_once_the_agent_is_told_to_stop() {
        let queue = Rc::new(MicrotaskQueue::new());
        queue.queue_a_microtask(0);
        let mut host = EndlessChain {
            queue: Rc::clone(&queue),
            ran: 0,
            stop_after: 1000,
        };
        perform_a_microtask_checkpoint(&queue, &mut host);
        assert_eq!(host.ran, 1000, "no microtask runs after the stop");
        assert!(queue.is_empty(), "the rest are dropped");
        assert!(!queue.is_performing_a_microtask_checkpoint());
    }
}
