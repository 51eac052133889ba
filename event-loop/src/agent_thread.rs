//! The thread an agent runs on: its event loop's turns, waiting between them, and what
//! happens when a task panics.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model>
//! ("an event loop must continually run through the following steps for as long as it
//! exists").

use std::any::Any;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender};

use crate::activity::Activity;
use crate::clock::{Clock, TimeMode};
use crate::control::Control;
use crate::ids::AgentId;
use crate::memory::{self, OutOfMemory, StopReason};
use crate::processing::{EventLoop, LoopState, StopSignal};
use crate::task::Task;
use crate::wait::{self, Woke};

/// What a [`crate::Coordinator`] runs on an agent's thread: an agent that owns an event loop
/// (a JS engine's agent, or a test's stand-in). It is built on its thread and never leaves it.
pub trait AgentLoop {
    /// The steps of this agent's tasks (`Send`: they cross threads).
    type Steps: Send + 'static;
    /// One turn of the event loop processing model (see [`crate::run_one_turn`]).
    fn run_one_turn(&mut self) -> LoopState;
    /// The agent's event loop, borrowed between turns.
    fn event_loop(&self) -> &RefCell<EventLoop<Self::Steps>>;
}

/// An agent that stopped before the user agent did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrashReport {
    /// The agent.
    pub agent: AgentId,
    /// What stopped it.
    pub cause: CrashCause,
    /// What happened, in words (a panic's message, or the allocation refused).
    pub message: String,
}

/// What stopped an agent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrashCause {
    /// A task panicked, or the agent could not be built.
    Panic,
    /// An allocation would have taken the agent past its memory budget, or failed
    /// ([`crate::memory`]).
    OutOfMemory(OutOfMemory),
}

const NO_TIMER: u64 = u64::MAX;

/// What an agent's thread publishes for the coordinator.
#[derive(Debug)]
pub(crate) struct AgentStatus {
    next_timer: AtomicU64,
    has_work: AtomicBool,
    crashed: AtomicBool,
    /// Set when the thread stopped inside an allocation for good ([`crate::memory`]): it
    /// never ends, so shutdown does not wait for it.
    parked: AtomicBool,
}

impl AgentStatus {
    pub(crate) fn new() -> Self {
        AgentStatus {
            next_timer: AtomicU64::new(NO_TIMER),
            has_work: AtomicBool::new(true),
            crashed: AtomicBool::new(false),
            parked: AtomicBool::new(false),
        }
    }

    fn set_next_timer(&self, deadline: Option<Duration>) {
        let nanos = deadline.map_or(NO_TIMER, |d| {
            u64::try_from(d.as_nanos()).unwrap_or(NO_TIMER - 1)
        });
        self.next_timer.store(nanos, Ordering::Release);
    }

    /// The earliest pending timer of the agent, as it last published it.
    pub(crate) fn next_timer(&self) -> Option<Duration> {
        match self.next_timer.load(Ordering::Acquire) {
            NO_TIMER => None,
            nanos => Some(Duration::from_nanos(nanos)),
        }
    }

    /// Virtual time: whether the agent's last turn ended with runnable work left.
    pub(crate) fn has_work(&self) -> bool {
        self.has_work.load(Ordering::Acquire)
    }

    /// Whether the agent crashed.
    pub(crate) fn crashed(&self) -> bool {
        self.crashed.load(Ordering::Acquire)
    }

    /// Whether the agent's thread stopped for good inside an allocation.
    pub(crate) fn parked(&self) -> bool {
        self.parked.load(Ordering::Acquire)
    }
}

/// What every agent thread of one coordinator shares with it.
#[derive(Debug)]
pub(crate) struct Common {
    /// Real or virtual time, for every agent of the coordinator.
    pub mode: TimeMode,
    /// The clock every agent's loop reads.
    pub clock: Clock,
    /// Running agents and tasks in flight: the count that tells when the system is quiescent.
    pub activity: Arc<Activity>,
    /// Tasks that never ran: left in a stopped agent's loop or channel, or sent to it after it
    /// crashed.
    pub lost_tasks: AtomicU64,
    /// Each agent that crashed, once, in the order the crashes were recorded.
    pub crashes: Mutex<Vec<CrashReport>>,
    /// Each agent's memory budget in bytes, 0 for none ([`crate::memory`]); read when the
    /// agent is spawned.
    pub memory_limit: AtomicUsize,
}

/// How many turns an agent runs per `Go` under virtual time before handing back, so that
/// the coordinator checks its limits and other agents get their turn.
const TURN_BUDGET: usize = 64;

/// One agent's thread.
pub(crate) struct AgentThread<T> {
    /// The agent.
    pub id: AgentId,
    /// What it shares with the coordinator and the other agents.
    pub common: Arc<Common>,
    /// What it publishes for the coordinator.
    pub status: Arc<AgentStatus>,
    /// Commands from the coordinator.
    pub control: Receiver<Control>,
    /// Tasks sent to the agent's loop from other threads (through its `EventLoopHandle`).
    pub incoming: Receiver<Task<T>>,
    /// Virtual time: where the end of a turn is reported, by its number.
    pub done: Sender<u64>,
    /// Virtual time: the turn being run ([`NO_TURN`] between turns), for a crash inside it.
    pub current_turn: Arc<AtomicU64>,
    /// The agent's memory budget in bytes ([`crate::memory`]), as it was when it was spawned.
    pub memory_limit: Option<usize>,
    /// Set at shutdown (also read by the agent's loop).
    pub stop: StopSignal,
}

impl<T> Clone for AgentThread<T> {
    fn clone(&self) -> Self {
        AgentThread {
            id: self.id,
            common: Arc::clone(&self.common),
            status: Arc::clone(&self.status),
            control: self.control.clone(),
            incoming: self.incoming.clone(),
            done: self.done.clone(),
            current_turn: Arc::clone(&self.current_turn),
            memory_limit: self.memory_limit,
            stop: self.stop.clone(),
        }
    }
}

/// [`AgentThread::current_turn`] between turns.
pub(crate) const NO_TURN: u64 = u64::MAX;

enum Exit {
    Shutdown,
    Crashed(String),
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a task panicked".to_string()
    }
}

impl<T: Send + 'static> AgentThread<T> {
    /// The thread's body: build the agent, run it, and wind down.
    ///
    /// The thread holds one unit of [`Activity`] from the moment it is spawned (the spawner
    /// took it) until it first waits.
    pub(crate) fn run<A, F>(self, make: F, event_loop: EventLoop<T>)
    where
        A: AgentLoop<Steps = T>,
        F: FnOnce(EventLoop<T>) -> Result<A, String>,
    {
        let stopper = self.clone();
        memory::enter_agent_thread(
            self.memory_limit,
            self.stop.clone(),
            Box::new(move |reason| stopper.stop_inside_an_allocation(reason)),
        );
        let built = catch_unwind(AssertUnwindSafe(move || make(event_loop)));
        let mut agent = match built {
            Ok(Ok(agent)) => agent,
            Ok(Err(message)) => return self.crash_and_drain(message),
            Err(payload) => return self.crash_and_drain(panic_message(payload.as_ref())),
        };
        let exit = match self.common.mode {
            TimeMode::Real => self.run_free(&mut agent),
            TimeMode::Virtual => self.run_in_turns(&mut agent),
        };
        self.drop_agent(agent);
        match exit {
            Exit::Shutdown => self.drain_incoming(),
            Exit::Crashed(message) => self.crash_and_drain(message),
        }
    }

    /// Drops the agent once it stopped running, counting the tasks still queued in its loop
    /// as lost with it.
    fn drop_agent<A: AgentLoop<Steps = T>>(&self, agent: A) {
        // Between turns nothing borrows the loop (after a crash, the panic released any
        // borrow while unwinding); if something still does, its tasks cannot be counted.
        let queued = agent
            .event_loop()
            .try_borrow()
            .map_or(0, |event_loop| event_loop.queued_task_count() as u64);
        self.common.lost_tasks.fetch_add(queued, Ordering::Relaxed);
        // Deviation: a panic while the JS engine is torn down is ignored (the agent is gone
        // either way).
        let _ = catch_unwind(AssertUnwindSafe(move || drop(agent)));
    }

    /// Real time: run turns back to back; when idle, wait for a task from another thread, the
    /// next timer's deadline, or a command.
    fn run_free<A: AgentLoop<Steps = T>>(&self, agent: &mut A) -> Exit {
        loop {
            if self.control.try_recv() == Ok(Control::Shutdown) {
                return Exit::Shutdown;
            }
            let turn = catch_unwind(AssertUnwindSafe(|| {
                memory::in_turn(|| agent.run_one_turn())
            }));
            let next_timer = match turn {
                Err(payload) => return Exit::Crashed(panic_message(payload.as_ref())),
                Ok(LoopState::RanTask) => continue,
                Ok(LoopState::Idle { next_timer }) => next_timer,
            };
            self.status.set_next_timer(next_timer);
            self.common.activity.end();
            let timeout =
                next_timer.map(|deadline| deadline.saturating_sub(self.common.clock.now()));
            match self.wait(timeout) {
                // The task's unit of activity (it was in flight) becomes the agent's running
                // unit: the count cannot touch zero between the send and this turn, and the
                // hop costs no further update of the shared count.
                Woke::Task(task) => match agent.event_loop().try_borrow_mut() {
                    Ok(mut event_loop) => event_loop.queue_a_task(task),
                    Err(_) => {
                        // The agent kept its loop borrowed between turns: it cannot go on.
                        self.common.lost_tasks.fetch_add(1, Ordering::Relaxed);
                        return Exit::Crashed("the event loop was borrowed between turns".into());
                    }
                },
                Woke::Control(Control::Go(_)) | Woke::Timeout => self.common.activity.begin(),
                Woke::Control(Control::Shutdown) => {
                    self.common.activity.begin();
                    return Exit::Shutdown;
                }
            }
        }
    }

    /// Virtual time: run only when the coordinator says so, one agent at a time, so that the
    /// same inputs give the same trace.
    fn run_in_turns<A: AgentLoop<Steps = T>>(&self, agent: &mut A) -> Exit {
        self.common.activity.end();
        loop {
            let turn = match wait::recv_polling(&self.control, None) {
                Ok(Control::Go(turn)) => turn,
                Ok(Control::Shutdown) | Err(_) => {
                    self.common.activity.begin();
                    return Exit::Shutdown;
                }
            };
            self.common.activity.begin();
            self.current_turn.store(turn, Ordering::Release);
            let mut has_work = true;
            for _ in 0..TURN_BUDGET {
                match catch_unwind(AssertUnwindSafe(|| {
                    memory::in_turn(|| agent.run_one_turn())
                })) {
                    Err(payload) => {
                        let message = panic_message(payload.as_ref());
                        self.record_crash(&message, CrashCause::Panic);
                        // What the crash leaves is counted (and the agent's unit given back)
                        // before the coordinator's next look: it waits for quiescence.
                        let _ = self.done.send(turn);
                        return Exit::Crashed(message);
                    }
                    Ok(LoopState::RanTask) => {}
                    Ok(LoopState::Idle { .. }) => {
                        has_work = false;
                        break;
                    }
                }
            }
            let next_timer = agent.event_loop().borrow().next_timer_deadline();
            self.status.set_next_timer(next_timer);
            self.status.has_work.store(has_work, Ordering::Release);
            self.current_turn.store(NO_TURN, Ordering::Release);
            self.common.activity.end();
            // The coordinator may be gone (shutting down); the next command says so.
            let _ = self.done.send(turn);
        }
    }

    /// Waits for a task, a command, or the timeout.
    fn wait(&self, timeout: Option<Duration>) -> Woke<T> {
        wait::wait(&self.incoming, &self.control, timeout)
    }

    fn record_crash(&self, message: &str, cause: CrashCause) {
        if !self.status.crashed.swap(true, Ordering::AcqRel) {
            self.status.set_next_timer(None);
            self.status.has_work.store(false, Ordering::Release);
            self.common
                .crashes
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(CrashReport {
                    agent: self.id,
                    cause,
                    message: message.to_string(),
                });
        }
    }

    /// After a crash: record it, give back the agent's unit of activity, and count every task
    /// that still arrives as lost until shutdown.
    fn crash_and_drain(&self, message: String) {
        self.record_crash(&message, CrashCause::Panic);
        self.drain_until_shutdown();
    }

    /// Gives back the agent's unit of activity, and counts every task that still arrives as
    /// lost until shutdown.
    fn drain_until_shutdown(&self) {
        self.common.activity.end();
        loop {
            match self.wait(None) {
                Woke::Task(_) => {
                    self.common.lost_tasks.fetch_add(1, Ordering::Relaxed);
                    self.common.activity.end();
                }
                Woke::Control(Control::Go(turn)) => {
                    let _ = self.done.send(turn);
                }
                Woke::Control(Control::Shutdown) | Woke::Timeout => break,
            }
        }
        self.drain_incoming();
    }

    /// The agent's memory budget, or the shutdown of a task that never yielded, stopped it
    /// inside an allocation (on its own thread, from [`crate::memory`]): record the crash (for
    /// a budget), finish the turn it was in for the coordinator, and count what is sent to it
    /// as lost until shutdown. The thread then parks for good.
    fn stop_inside_an_allocation(&self, reason: StopReason) {
        if let StopReason::OutOfMemory(reason) = reason {
            self.record_crash(&reason.to_string(), CrashCause::OutOfMemory(reason));
        }
        let turn = self.current_turn.swap(NO_TURN, Ordering::AcqRel);
        if turn != NO_TURN {
            let _ = self.done.send(turn);
        }
        self.drain_until_shutdown();
        self.status.parked.store(true, Ordering::Release);
    }

    /// Counts what is left in the channel as lost.
    fn drain_incoming(&self) {
        while self.incoming.try_recv().is_ok() {
            self.common.lost_tasks.fetch_add(1, Ordering::Relaxed);
            self.common.activity.end();
        }
    }
}
