//! The event loop and its processing model.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model>

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender};

use crate::activity::Activity;
use crate::clock::Clock;
use crate::ids::{AgentId, DocumentKey, TimerKey};
use crate::task::{Task, TaskSource};
use crate::task_queue::QueuedTask;
use crate::timer::Timers;

/// What the event loop asks of the agent that owns it.
pub trait EventLoopHost<T> {
    /// Whether `document` is fully active (its tasks are runnable only then).
    fn is_fully_active(&self, document: DocumentKey) -> bool;
    /// Performs a task's steps.
    fn run_task(&mut self, task: Task<T>);
    /// Performs a microtask checkpoint (see [`crate::perform_a_microtask_checkpoint`]).
    fn perform_a_microtask_checkpoint(&mut self);
}

/// What one turn of the loop found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopState {
    /// A task ran (and the microtask checkpoint after it).
    RanTask,
    /// Nothing was runnable; the earliest pending timer deadline, if any.
    Idle {
        /// When the next wait ends, on the loop's clock.
        next_timer: Option<Duration>,
    },
}

/// A `Send` handle through which any thread queues tasks on an event loop.
#[derive(Debug)]
pub struct EventLoopHandle<T> {
    agent: AgentId,
    sender: Sender<Task<T>>,
    activity: Option<Arc<Activity>>,
}

impl<T> Clone for EventLoopHandle<T> {
    fn clone(&self) -> Self {
        EventLoopHandle {
            agent: self.agent,
            sender: self.sender.clone(),
            activity: self.activity.clone(),
        }
    }
}

impl<T> EventLoopHandle<T> {
    /// The agent whose loop this reaches.
    pub fn agent(&self) -> AgentId {
        self.agent
    }

    /// Queues `task` on the loop from any thread. Returns the task back if the loop is gone.
    pub fn queue_a_task(&self, task: Task<T>) -> Result<(), Task<T>> {
        // The task is in flight until the receiving loop takes it into a task queue.
        if let Some(activity) = &self.activity {
            activity.begin();
        }
        self.sender.send(task).map_err(|error| {
            if let Some(activity) = &self.activity {
                activity.end();
            }
            error.into_inner()
        })
    }

    /// How many tasks sent through this handle's channel the loop has not taken in yet.
    pub fn in_flight(&self) -> usize {
        self.sender.len()
    }
}

/// An event loop: task queues by source, timers, and a clock.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-loop>
#[derive(Debug)]
pub struct EventLoop<T> {
    agent: AgentId,
    clock: Clock,
    /// One task queue per task source; each entry keeps the order it was queued in, across
    /// sources, for the choice of queue in the processing model (and not its source: the
    /// queue's key).
    task_queues: BTreeMap<TaskSource, VecDeque<QueuedTask<T>>>,
    queued: u64,
    timers: Timers<T>,
    sender: Sender<Task<T>>,
    incoming: Receiver<Task<T>>,
    activity: Option<Arc<Activity>>,
    stop: StopSignal,
}

/// Set once the agent that runs a loop is told to stop (its user agent shuts down): code
/// that could run for long without returning to the loop (a microtask checkpoint draining an
/// endless chain) checks it, so that the agent's thread ends when told to.
#[derive(Clone, Debug, Default)]
pub struct StopSignal(Arc<AtomicBool>);

impl StopSignal {
    /// Whether the agent was told to stop.
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }

    /// Tells the agent to stop.
    pub(crate) fn set(&self) {
        self.0.store(true, Ordering::Release);
    }
}

impl<T> EventLoop<T> {
    /// A new, empty event loop for `agent`, reading `clock`.
    pub fn new(agent: AgentId, clock: Clock) -> Self {
        Self::build(agent, clock, None)
    }

    /// A new, empty event loop whose cross-thread tasks are counted in `activity` (see
    /// [`Activity`]); the loops of one [`crate::Coordinator`] share one.
    pub fn with_activity(agent: AgentId, clock: Clock, activity: Arc<Activity>) -> Self {
        Self::build(agent, clock, Some(activity))
    }

    fn build(agent: AgentId, clock: Clock, activity: Option<Arc<Activity>>) -> Self {
        let (sender, incoming) = crossbeam_channel::unbounded();
        EventLoop {
            agent,
            clock,
            task_queues: BTreeMap::new(),
            queued: 0,
            timers: Timers::default(),
            sender,
            incoming,
            activity,
            stop: StopSignal::default(),
        }
    }

    /// The signal the loop's agent gets when it is told to stop.
    pub fn stop_signal(&self) -> StopSignal {
        self.stop.clone()
    }

    /// The receiving end of the loop's cross-thread channel (the thread that runs the loop
    /// waits on it between turns).
    pub(crate) fn incoming(&self) -> Receiver<Task<T>> {
        self.incoming.clone()
    }

    /// The agent this loop belongs to.
    pub fn agent(&self) -> AgentId {
        self.agent
    }

    /// The clock.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// A handle other threads use to queue tasks here.
    pub fn handle(&self) -> EventLoopHandle<T> {
        EventLoopHandle {
            agent: self.agent,
            sender: self.sender.clone(),
            activity: self.activity.clone(),
        }
    }

    /// Queue a task.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#queue-a-task>
    pub fn queue_a_task(&mut self, task: Task<T>) {
        // 1-2. (The event loop and document are given by the caller.)
        // 3-7. Let task be a new task with steps, source, document; its script evaluation
        //      environment settings object set is empty (not tracked here).
        // 8. Let queue be the task queue to which source is associated on event loop.
        // 9. Append task to queue.
        self.queued += 1;
        self.task_queues
            .entry(task.source)
            .or_default()
            .push_back(QueuedTask::new(self.queued, task));
    }

    /// Run steps after a timeout: after `delay` on this loop's clock, `task` is queued.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#run-steps-after-a-timeout>
    pub fn run_steps_after_a_timeout(&mut self, delay: Duration, task: Task<T>) -> TimerKey {
        // 1. Let timerKey be a new unique internal value.
        // 2. Let startTime be the current high resolution time given global.
        let start_time = self.clock.now();
        // 3. Set global's map of active timers[timerKey] to startTime plus milliseconds.
        //    (The embedder keeps the map; this keeps the deadline.)
        // 4. Run the following steps in parallel:
        //    1. Wait until milliseconds milliseconds have passed.
        // TODO(spec): step 4.1 for a Window: count only time while its document is fully
        // active. (Without session history a document that stops being fully active never
        // becomes so again, so its timer's task never runs either way; this matters once
        // history traversal brings documents back.)
        //    2. Wait until earlier invocations with a smaller or equal delay have completed
        //       (the timers are ordered by deadline, then start order).
        //    3. Optionally, wait a further implementation-defined length of time (none).
        //    4. Perform completionSteps (queue `task`, in `queue_due_timers`).
        // 5. Return timerKey.
        self.timers.start(start_time.saturating_add(delay), task)
    }

    /// Cancels a wait started by [`Self::run_steps_after_a_timeout`].
    pub fn cancel_timeout(&mut self, key: TimerKey) -> bool {
        self.timers.cancel(key)
    }

    /// Removes every task and pending wait of `document` (it was destroyed) and returns them,
    /// so that what they carried (a message's transferred ports) can be disposed of.
    pub fn remove_tasks_of_document(&mut self, document: DocumentKey) -> Vec<Task<T>> {
        let mut removed = Vec::new();
        for (source, queue) in &mut self.task_queues {
            let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(queue)
                .into_iter()
                .partition(|task| task.document() == Some(document));
            *queue = kept.into_iter().collect();
            removed.extend(gone.into_iter().map(|task| task.into_task(*source)));
        }
        removed.extend(
            self.timers
                .remove_where(|task| task.document == Some(document)),
        );
        removed
    }

    /// The earliest pending timer deadline.
    pub fn next_timer_deadline(&self) -> Option<Duration> {
        self.timers.next_deadline()
    }

    /// Whether any timer wait is pending.
    pub fn has_pending_timers(&self) -> bool {
        !self.timers.is_empty()
    }

    /// Moves tasks queued from other threads, and timers whose deadline has passed, into the
    /// task queues.
    pub fn collect_incoming(&mut self) {
        while let Ok(task) = self.incoming.try_recv() {
            self.accept_incoming(task);
        }
        if !self.timers.is_empty() {
            for (_, task) in self.timers.take_due(self.clock.now()) {
                self.queue_a_task(task);
            }
        }
    }

    /// Takes a task that arrived from another thread into its task queue: it is no longer in
    /// flight.
    pub fn accept_incoming(&mut self, task: Task<T>) {
        self.queue_a_task(task);
        if let Some(activity) = &self.activity {
            activity.end();
        }
    }

    /// How many tasks wait in the task queues (runnable or not).
    pub fn queued_task_count(&self) -> usize {
        self.task_queues.values().map(VecDeque::len).sum()
    }

    /// Whether a runnable task is queued now.
    pub fn has_runnable_task(&self, host: &impl EventLoopHost<T>) -> bool {
        self.task_queues
            .values()
            .any(|queue| first_runnable(queue, host).is_some())
    }

    /// Whether any task is queued at all (runnable or not).
    pub fn has_queued_tasks(&self) -> bool {
        self.task_queues.values().any(|queue| !queue.is_empty()) || !self.incoming.is_empty()
    }
    /// Steps 2.1 to 2.3 of the processing model: chooses a task queue with a runnable task
    /// and removes its first runnable task.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model>
    pub fn take_next_runnable_task(&mut self, host: &impl EventLoopHost<T>) -> Option<Task<T>> {
        self.collect_incoming();
        // 2. If the event loop has a task queue with at least one runnable task, then:
        //    1. Let taskQueue be one such task queue, chosen in an implementation-defined
        //       manner.
        // Implementation-defined choice: the queue whose first runnable task was queued
        // earliest, so tasks run in the order they were queued across sources, and FIFO
        // within a source.
        let (_, source, index) = self
            .task_queues
            .iter()
            .filter_map(|(source, queue)| {
                first_runnable(queue, host).map(|index| (queue[index].order(), *source, index))
            })
            .min()?;
        //    2. Set taskStartTime to the unsafe shared current time.
        //    3. Set oldestTask to the first runnable task in taskQueue, and remove it.
        self.task_queues
            .get_mut(&source)
            .and_then(|queue| queue.remove(index))
            .map(|task| task.into_task(source))
    }
}

/// One turn of the event loop processing model.
///
/// The loop is borrowed only while the task is chosen, so the task's steps (run by `host`)
/// can queue more tasks on the same loop.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model>
pub fn run_one_turn<T>(
    event_loop: &RefCell<EventLoop<T>>,
    host: &mut impl EventLoopHost<T>,
) -> LoopState {
    // 1. Let oldestTask and taskStartTime be null.
    // 2. If the event loop has a task queue with at least one runnable task, then:
    //    1-3. Choose a task queue and remove its first runnable task (oldestTask).
    let oldest_task = event_loop.borrow_mut().take_next_runnable_task(host);
    let Some(oldest_task) = oldest_task else {
        return LoopState::Idle {
            next_timer: event_loop.borrow().next_timer_deadline(),
        };
    };
    //    4. Record task start time (no performance timeline here).
    //    5. Set the event loop's currently running task to oldestTask.
    //    6. Perform oldestTask's steps.
    //    7. Set the event loop's currently running task back to null.
    host.run_task(oldest_task);
    //    8. Perform a microtask checkpoint.
    host.perform_a_microtask_checkpoint();
    // 3-7. Task timing and long-task reporting.
    // Deviation: no performance timeline here.
    // 8. Update the rendering.
    // Deviation: headless, nothing is rendered.
    LoopState::RanTask
}

/// The index of the first runnable task in `queue`: one whose document is null or fully
/// active.
fn first_runnable<T>(
    queue: &VecDeque<QueuedTask<T>>,
    host: &impl EventLoopHost<T>,
) -> Option<usize> {
    queue.iter().position(|task| {
        task.document()
            .is_none_or(|document| host.is_fully_active(document))
    })
}
