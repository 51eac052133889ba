//! `postern-event-loop`: the HTML standard's event loops.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-loops>
//!
//! An [`EventLoop`] owns task queues keyed by [`TaskSource`], the timers waiting on it
//! ([`timer`]) and a [`Clock`] (real or virtual). It knows nothing of JavaScript: a task's
//! steps are a payload of the embedder's type `T`, which the embedder's [`EventLoopHost`] runs;
//! microtasks live in a [`MicrotaskQueue`] that the JS engine's job hook fills.
//!
//! The loop itself is not `Send` (it lives on its agent's thread), but an
//! [`EventLoopHandle`] is: another thread queues tasks through it (a crossbeam channel),
//! which is how work crosses between agent clusters as `Send` data.
//!
//! Message ports ([`message_ports`]) are the one state shared by agents: a [`PortTable`]
//! (behind [`MessagePorts`]'s lock) holds which port is entangled with which, where each
//! lives, and each port's port message queue; it answers with [`PortNotice`]s that the
//! embedder turns into tasks on the right agent's event loop.

pub mod activity;
pub mod agent_thread;
pub mod clock;
mod control;
pub mod coordinator;
pub mod ids;
pub mod memory;
pub mod message_ports;
pub mod microtask;
pub mod processing;
pub mod task;
mod task_queue;
pub mod timer;
mod wait;

pub use activity::Activity;
pub use agent_thread::{AgentLoop, CrashCause, CrashReport};
pub use clock::{Clock, TimeMode};
pub use coordinator::{Coordinator, RunLimits, RunOutcome, ShutdownReport, SpawnError};
pub use ids::{AgentId, DocumentKey, TimerKey};
pub use message_ports::{
    Disentangled, MessagePorts, NoticeKind, PortError, PortId, PortNotice, PortOwner, PortTable,
    PostOutcome,
};
pub use microtask::{MicrotaskQueue, perform_a_microtask_checkpoint};
pub use processing::{
    EventLoop, EventLoopHandle, EventLoopHost, LoopState, StopSignal, run_one_turn,
};
pub use task::{Task, TaskSource};

pub use timer::Timers;
