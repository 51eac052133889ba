//! Agent clusters on threads, and the coordinator that runs them until the whole system is
//! idle.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#agent-clusters>,
//! <https://tc39.es/ecma262/#sec-agent-clusters>
//!
//! Each agent gets its own OS thread and event loop; what crosses between agents is `Send`
//! data through [`EventLoopHandle`]s. The coordinator (owned by the user agent) knows when
//! every loop is idle with nothing in flight ([`Activity`]):
//!
//! - under **real time** the agents run freely, each waiting on its channel and its next
//!   timer; `run_until` returns once the system is quiescent with no timer pending;
//! - under **virtual time** the agents take turns in agent-id order, one at a time (so the
//!   same inputs give the same trace), and when none has work and the system is quiescent
//!   (nothing in flight either) the clock jumps to the earliest timer deadline of any agent.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use thiserror::Error;

use crate::activity::Activity;
use crate::agent_thread::{AgentLoop, AgentStatus, AgentThread, Common, CrashReport, NO_TURN};
use crate::clock::{Clock, TimeMode};
use crate::control::Control;
use crate::ids::AgentId;
use crate::processing::{EventLoop, EventLoopHandle, StopSignal};
use crate::task::Task;

mod run;

/// Why [`Coordinator::run_until`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunOutcome {
    /// Nothing is left to do: no task anywhere, nothing in flight, no timer.
    Idle,
    /// The time limit (or the wall-clock limit) was reached with work still pending.
    TimeLimit,
    /// The embedder's stop condition became true.
    Stopped,
}

/// Limits of one [`Coordinator::run_until`].
#[derive(Clone, Copy, Debug)]
pub struct RunLimits {
    /// Stop when the clock reaches this.
    pub time_limit: Duration,
    /// Stop after this much wall-clock time whatever the clock says.
    pub wall_limit: Duration,
}

/// Why an agent could not be started.
#[derive(Debug, Error)]
pub enum SpawnError {
    /// The coordinator is shutting down.
    #[error("the user agent is shutting down")]
    ShuttingDown,
    /// The operating system refused a thread.
    #[error("could not start an agent thread: {0}")]
    Thread(String),
}

/// What [`Coordinator::shutdown`] found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShutdownReport {
    /// Tasks that never ran: queued or in flight at shutdown, queued in an agent when it
    /// crashed, or sent to a crashed agent. (Timers still pending are not tasks yet and are
    /// not counted.)
    pub lost_tasks: u64,
    /// Agent threads that did not stop within the grace period (left detached).
    pub stuck_threads: usize,
    /// Agent threads stopped for good by their memory budget ([`crate::memory`]), left
    /// detached with what they had allocated.
    pub parked_threads: usize,
    /// Agent threads still in a task at shutdown (one that never returned to its event loop)
    /// that were stopped inside an allocation ([`crate::memory`]) rather than left running.
    pub stopped_threads: usize,
}

/// The stack of an agent thread: JS engines recurse deeply (parsing, compiling).
const AGENT_STACK_SIZE: usize = 1024 * 1024 * 1024;

struct Slot<T> {
    handle: EventLoopHandle<T>,
    /// Keeps the channel open until shutdown, which counts what is left in it.
    incoming: Receiver<Task<T>>,
    control: Sender<Control>,
    /// Set at shutdown, for what the agent runs without returning to its loop.
    stop: StopSignal,
    status: Arc<AgentStatus>,
    thread: Option<JoinHandle<()>>,
}

struct Shared<T> {
    common: Arc<Common>,
    slots: Mutex<BTreeMap<AgentId, Slot<T>>>,
    next_agent: AtomicU64,
    shutting_down: AtomicBool,
    done_sender: Sender<u64>,
    /// Virtual time: agents report the end of their turn here, by its number.
    done: Receiver<u64>,
    /// Virtual time: the number of the last turn given, and the turn still running, if any
    /// (a run cut short by its wall limit leaves one for the next run to wait for).
    turns: Mutex<Turns>,
}

#[derive(Debug, Default)]
struct Turns {
    last: u64,
    running: Option<u64>,
}

/// Runs agents on threads (see the module documentation). Cheap to clone; `Send + Sync`.
pub struct Coordinator<T> {
    shared: Arc<Shared<T>>,
}

impl<T> Clone for Coordinator<T> {
    fn clone(&self) -> Self {
        Coordinator {
            shared: Arc::clone(&self.shared),
        }
    }
}

impl<T> std::fmt::Debug for Coordinator<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Coordinator")
            .field("mode", &self.shared.common.mode)
            .finish_non_exhaustive()
    }
}

/// A snapshot of one agent for a scheduling decision.
struct AgentView {
    control: Sender<Control>,
    status: Arc<AgentStatus>,
    in_flight: usize,
}

impl<T: Send + 'static> Coordinator<T> {
    /// A coordinator whose agents read `clock` (its mode decides how they run).
    pub fn new(clock: Clock) -> Self {
        let (done_sender, done) = crossbeam_channel::unbounded();
        Coordinator {
            shared: Arc::new(Shared {
                common: Arc::new(Common {
                    mode: clock.mode(),
                    clock,
                    activity: Arc::new(Activity::new()),
                    lost_tasks: AtomicU64::new(0),
                    crashes: Mutex::new(Vec::new()),
                    memory_limit: AtomicUsize::new(0),
                }),
                slots: Mutex::new(BTreeMap::new()),
                next_agent: AtomicU64::new(0),
                shutting_down: AtomicBool::new(false),
                done_sender,
                done,
                turns: Mutex::new(Turns::default()),
            }),
        }
    }

    /// The clock every agent reads.
    pub fn clock(&self) -> &Clock {
        &self.shared.common.clock
    }

    /// Each agent started from now on may hold at most `bytes` allocated (`None`: no
    /// budget). Enforced only when the process's allocator is a
    /// [`crate::memory::ContainingAllocator`]; an agent past its budget is stopped and
    /// reported by [`Self::crashes`] with [`crate::CrashCause::OutOfMemory`].
    pub fn set_agent_memory_limit(&self, bytes: Option<usize>) {
        self.shared
            .common
            .memory_limit
            .store(bytes.unwrap_or(0), Ordering::Relaxed);
    }

    fn slots(&self) -> MutexGuard<'_, BTreeMap<AgentId, Slot<T>>> {
        self.shared
            .slots
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts an agent on a new thread: `make` builds it there from its new event loop. The
    /// handle can queue tasks at once (they wait until the agent runs).
    pub fn spawn_agent<A, F>(&self, make: F) -> Result<EventLoopHandle<T>, SpawnError>
    where
        A: AgentLoop<Steps = T>,
        F: FnOnce(EventLoop<T>) -> Result<A, String> + Send + 'static,
    {
        // The check and the insertion happen under the lock `shutdown` takes the agents
        // under: an agent is either refused or told to stop.
        let mut slots = self.slots();
        if self.is_shut_down() {
            return Err(SpawnError::ShuttingDown);
        }
        let common = &self.shared.common;
        let id = AgentId(self.shared.next_agent.fetch_add(1, Ordering::Relaxed) + 1);
        let event_loop =
            EventLoop::with_activity(id, common.clock.clone(), Arc::clone(&common.activity));
        let handle = event_loop.handle();
        let stop = event_loop.stop_signal();
        let incoming = event_loop.incoming();
        let (control, control_receiver) = crossbeam_channel::unbounded();
        let status = Arc::new(AgentStatus::new());
        let runner = AgentThread {
            id,
            common: Arc::clone(common),
            status: Arc::clone(&status),
            control: control_receiver,
            incoming: incoming.clone(),
            done: self.shared.done_sender.clone(),
            current_turn: Arc::new(AtomicU64::new(NO_TURN)),
            memory_limit: match common.memory_limit.load(Ordering::Relaxed) {
                0 => None,
                limit => Some(limit),
            },
            stop: stop.clone(),
        };
        // The new agent counts as running until it first looks at its queues, so the system
        // is not seen idle before it starts.
        common.activity.begin();
        let thread = std::thread::Builder::new()
            .name(format!("postern-agent-{}", id.0))
            .stack_size(AGENT_STACK_SIZE)
            .spawn(move || runner.run(make, event_loop))
            .map_err(|error| {
                common.activity.end();
                SpawnError::Thread(error.to_string())
            })?;
        slots.insert(
            id,
            Slot {
                handle: handle.clone(),
                incoming,
                control,
                stop,
                status,
                thread: Some(thread),
            },
        );
        Ok(handle)
    }

    /// Whether [`Self::shutdown`] was called: no agent is left to run, and none can start.
    fn is_shut_down(&self) -> bool {
        self.shared.shutting_down.load(Ordering::Acquire)
    }

    fn turns(&self) -> MutexGuard<'_, Turns> {
        self.shared
            .turns
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The handle of a running agent.
    pub fn handle(&self, agent: AgentId) -> Option<EventLoopHandle<T>> {
        self.slots().get(&agent).map(|slot| slot.handle.clone())
    }

    /// Whether `agent` crashed (a task panicked, or its memory budget stopped it).
    pub fn has_crashed(&self, agent: AgentId) -> bool {
        self.slots()
            .get(&agent)
            .is_some_and(|slot| slot.status.crashed())
    }

    /// Every agent started so far (crashed ones included), in id order.
    pub fn agents(&self) -> Vec<AgentId> {
        self.slots().keys().copied().collect()
    }

    /// Agents that crashed (a panic, or their memory budget), with the cause.
    pub fn crashes(&self) -> Vec<CrashReport> {
        self.shared
            .common
            .crashes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Tasks counted lost so far (queued in or sent to a crashed agent; at shutdown, everything
    /// left).
    pub fn lost_tasks(&self) -> u64 {
        self.shared.common.lost_tasks.load(Ordering::Relaxed)
    }

    /// Counts a task that could not be queued because its agent is gone: it is lost like
    /// those left in a crashed agent.
    pub fn count_lost_task(&self) {
        self.shared
            .common
            .lost_tasks
            .fetch_add(1, Ordering::Relaxed);
    }

    fn views(&self) -> Vec<AgentView> {
        self.slots()
            .iter()
            .filter(|(_, slot)| !slot.status.crashed())
            .map(|(_, slot)| AgentView {
                control: slot.control.clone(),
                status: Arc::clone(&slot.status),
                in_flight: slot.handle.in_flight(),
            })
            .collect()
    }

    /// Runs every agent until the system is idle, `stop` returns true (checked between
    /// tasks), or a limit is reached. Once [`Self::shutdown`] is called (before or during the
    /// run) there is no agent left to run: returns [`RunOutcome::Idle`].
    ///
    /// Under virtual time, work due exactly at `limits.time_limit` still runs; the clock never
    /// jumps past it. One `run_until` at a time per coordinator.
    pub fn run_until(&self, stop: &dyn Fn() -> bool, limits: RunLimits) -> RunOutcome {
        if self.is_shut_down() {
            return RunOutcome::Idle;
        }
        match self.shared.common.mode {
            TimeMode::Real => self.run_free(stop, limits),
            TimeMode::Virtual => self.run_in_turns(stop, limits),
        }
    }

    /// Stops every agent: each finishes its current task, drops what is left (counted), and
    /// its thread ends. Threads still running after `grace` are left detached (counted).
    /// No agent can be started afterwards.
    pub fn shutdown(&self, grace: Duration) -> ShutdownReport {
        let slots = {
            let mut slots = self.slots();
            self.shared.shutting_down.store(true, Ordering::Release);
            std::mem::take(&mut *slots)
        };
        for slot in slots.values() {
            slot.stop.set();
            let _ = slot.control.send(Control::Shutdown);
        }
        let deadline = Instant::now() + grace;
        let mut stuck_threads = 0;
        let mut parked_threads = 0;
        let mut stopped_threads = 0;
        for mut slot in slots.into_values() {
            if let Some(thread) = slot.thread.take() {
                while !thread.is_finished() && !slot.status.parked() && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(1));
                }
                if thread.is_finished() {
                    let _ = thread.join();
                } else if slot.status.parked() && slot.status.crashed() {
                    // Stopped for good by its memory budget (crate::memory): left detached.
                    parked_threads += 1;
                } else if slot.status.parked() {
                    // Still in a task at shutdown, stopped inside an allocation.
                    stopped_threads += 1;
                } else {
                    stuck_threads += 1;
                }
            }
            while slot.incoming.try_recv().is_ok() {
                self.shared
                    .common
                    .lost_tasks
                    .fetch_add(1, Ordering::Relaxed);
            }
        }
        ShutdownReport {
            lost_tasks: self.lost_tasks(),
            stuck_threads,
            parked_threads,
            stopped_threads,
        }
    }
}
