//! Each agent's memory budget: one agent's runaway allocation stops that agent, not the
//! process.
//!
//! Rust ends the whole process when an allocation fails, and a page can make its JS engine
//! ask for any amount (`s += s` doubling a string, an array grown without end). A browser
//! kills the renderer of that page and keeps the others. Postern's agents are threads of one
//! process, so the means is the allocator: [`ContainingAllocator`] wraps the process's
//! allocator (the embedder installs it with `#[global_allocator]`; `postern` does) and
//! counts, per thread, the bytes each thread allocated and has not freed. On an agent's
//! thread, while it runs a turn of its event loop, an allocation of [`CHECKED_ALLOCATION`]
//! bytes or more that would take the agent past its budget (set with
//! [`crate::Coordinator::set_agent_memory_limit`]), or one that the allocator below cannot
//! satisfy, is never made (a smaller one that leaves the agent [`SMALL_ALLOCATION_SLACK`]
//! past its budget is made, and never handed out): the agent is recorded as crashed
//! ([`crate::CrashCause::OutOfMemory`])
//! and its thread stops inside that allocation for good, after answering the coordinator
//! for as long as the user agent runs (tasks sent to it are counted lost, as for any crashed
//! agent). Other agents go on.
//!
//! Deviation: the stopped thread cannot unwind out of the allocator (unwinding from a global
//! allocator is undefined behaviour), so it parks forever and what the agent had allocated
//! stays allocated until the process exits. A browser frees a killed renderer's memory.
//!
//! What is counted is an approximation of the agent's own memory: bytes its thread
//! allocated minus bytes its thread freed. Memory that crosses threads (a message's record,
//! made by the sender's thread, freed by the receiver's) counts against the thread that made
//! it; the process-wide count (exact to a MiB per thread) must also be past the budget before
//! an agent is stopped, so such drift alone never stops an agent.
//!
//! The same way ends a task that never returns to its event loop once the user agent shuts
//! down: after the agent's [`StopSignal`] is set, its next allocation of
//! [`CHECKED_ALLOCATION`] bytes or more stops its thread (parked, not crashed), instead of
//! leaving it running detached (a 100,000-long `bind` chain, a quadratic built-in).
//!
//! Where it must not stop a thread: while the thread holds a lock that other agents take.
//! Code holding such a lock enters a [`NoStopSection`]; inside it only a failed allocation
//! stops the agent (the alternative is the process's abort).

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicIsize, Ordering};

use crate::processing::StopSignal;

mod allocator;

pub use allocator::ContainingAllocator;

/// Allocations of at least this many bytes are checked against the budget when made; smaller
/// ones only once the agent is [`SMALL_ALLOCATION_SLACK`] past its budget.
pub const CHECKED_ALLOCATION: usize = 64 * 1024;

/// How far past its budget an agent may go in allocations smaller than
/// [`CHECKED_ALLOCATION`] before one of them stops it.
pub const SMALL_ALLOCATION_SLACK: usize = 64 * 1024 * 1024;

/// How far a thread's uncounted bytes may go before they are added to the process-wide count.
const FLUSH_EVERY: isize = 1024 * 1024;

/// Bytes allocated and not yet freed, process-wide (threads add theirs a MiB at a time).
static LIVE: AtomicIsize = AtomicIsize::new(0);

/// Why an agent was stopped by its memory budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfMemory {
    /// The allocation that was refused, in bytes.
    pub requested: usize,
    /// What the agent's thread had allocated and not freed before it.
    pub in_use: usize,
    /// The agent's budget, in bytes (`None`: the allocator below failed within it).
    pub limit: Option<usize>,
}

impl std::fmt::Display for OutOfMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
        match self.limit {
            Some(limit) => write!(
                f,
                "out of memory: an allocation of {:.1} MiB would take the agent past its limit \
                 of {:.0} MiB ({:.1} MiB in use)",
                mib(self.requested),
                mib(limit),
                mib(self.in_use)
            ),
            None => write!(
                f,
                "out of memory: an allocation of {:.1} MiB failed ({:.1} MiB in use)",
                mib(self.requested),
                mib(self.in_use)
            ),
        }
    }
}

/// Why an agent's thread stops inside an allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StopReason {
    /// Its memory budget.
    OutOfMemory(OutOfMemory),
    /// The user agent is shutting down (the agent's [`StopSignal`] is set) and the thread is
    /// still in a task that never returned to its event loop.
    Shutdown,
}

/// What an agent's thread does when it stops: record a crash (for a budget) and answer the
/// coordinator until shutdown. It returns when the thread may park for good.
pub(crate) type StopHook = Box<dyn FnOnce(StopReason)>;

/// What one thread counts and what decides whether its allocations are checked: one
/// thread-local, so that an allocation's bookkeeping computes one address.
struct ThreadState {
    /// Bytes this thread allocated minus bytes it freed.
    net: Cell<isize>,
    /// This thread's bytes not yet added to [`LIVE`].
    unflushed: Cell<isize>,
    /// The budget of the agent running on this thread; 0 on other threads, `usize::MAX` for
    /// an agent without one.
    budget: Cell<usize>,
    /// Whether the agent is running a turn of its event loop (budgets are checked only then).
    in_turn: Cell<bool>,
    /// Open [`NoStopSection`]s.
    no_stop: Cell<u32>,
    /// Set once the thread is stopping: its allocations are no longer checked.
    stopping: Cell<bool>,
    /// Past this many bytes in use, an allocation smaller than [`CHECKED_ALLOCATION`] takes
    /// the slow path: the budget plus [`SMALL_ALLOCATION_SLACK`] while the budget applies,
    /// `isize::MAX` otherwise (the fast path's one comparison).
    small_threshold: Cell<isize>,
}

impl ThreadState {
    /// Whether the budget applies to the current allocation (an agent's thread in a turn,
    /// outside any [`NoStopSection`], not stopping).
    fn armed(&self) -> bool {
        self.budget.get() != 0
            && self.in_turn.get()
            && self.no_stop.get() == 0
            && !self.stopping.get()
    }

    /// Recomputes [`Self::small_threshold`] after one of its inputs changed.
    fn rearm(&self) {
        let budget = self.budget.get();
        let threshold = if self.armed() && budget != usize::MAX {
            isize::try_from(budget.saturating_add(SMALL_ALLOCATION_SLACK)).unwrap_or(isize::MAX)
        } else {
            isize::MAX
        };
        self.small_threshold.set(threshold);
    }
}

thread_local! {
    static STATE: ThreadState = const {
        ThreadState {
            net: Cell::new(0),
            unflushed: Cell::new(0),
            budget: Cell::new(0),
            in_turn: Cell::new(false),
            no_stop: Cell::new(0),
            stopping: Cell::new(false),
            small_threshold: Cell::new(isize::MAX),
        }
    };
    /// What the agent's thread runs when it is stopped.
    static STOP_HOOK: RefCell<Option<StopHook>> = const { RefCell::new(None) };
    /// The agent's stop signal, set when the user agent shuts down.
    static STOP_SIGNAL: RefCell<Option<StopSignal>> = const { RefCell::new(None) };
}

/// Makes the current thread an agent's: allocations are checked against `budget` bytes (none
/// when `None`) and, once `stop` is set, large ones stop the thread; `hook` runs when it
/// stops.
pub(crate) fn enter_agent_thread(budget: Option<usize>, stop: StopSignal, hook: StopHook) {
    STOP_HOOK.with(|slot| *slot.borrow_mut() = Some(hook));
    STOP_SIGNAL.with(|slot| *slot.borrow_mut() = Some(stop));
    STATE.with(|s| {
        s.budget.set(budget.unwrap_or(usize::MAX).max(1));
        s.rearm();
    });
}

/// Runs one turn of the agent's event loop with its budget checked.
pub(crate) fn in_turn<R>(turn: impl FnOnce() -> R) -> R {
    struct Leave(bool);
    impl Drop for Leave {
        fn drop(&mut self) {
            STATE.with(|s| {
                s.in_turn.set(self.0);
                s.rearm();
            });
        }
    }
    let _leave = Leave(STATE.with(|s| {
        let was = s.in_turn.replace(true);
        s.rearm();
        was
    }));
    turn()
}

/// While alive, the current thread holds something other agents wait for: a budget does not
/// stop it (only a failed allocation does).
#[must_use = "the section ends when this is dropped"]
#[derive(Debug)]
pub struct NoStopSection(());

impl NoStopSection {
    /// Opens a section on the current thread.
    pub fn enter() -> Self {
        STATE.with(|s| {
            s.no_stop.set(s.no_stop.get().saturating_add(1));
            s.rearm();
        });
        NoStopSection(())
    }
}

impl Drop for NoStopSection {
    fn drop(&mut self) {
        STATE.with(|s| {
            s.no_stop.set(s.no_stop.get().saturating_sub(1));
            s.rearm();
        });
    }
}

/// What the current thread has allocated and not freed, by its own count (0 if negative).
pub fn thread_bytes_in_use() -> usize {
    usize::try_from(STATE.with(|s| s.net.get())).unwrap_or(0)
}

/// Counts `delta` bytes allocated (positive) or freed (negative) by the current thread, after
/// the allocator below did it. An allocation that leaves the thread past its small
/// threshold takes the slow path: it may stop the agent (the few bytes just allocated are
/// never handed out).
#[inline]
fn count(delta: isize) {
    let past_threshold = STATE.with(|s| {
        let net = s.net.get().saturating_add(delta);
        s.net.set(net);
        let unflushed = s.unflushed.get().saturating_add(delta);
        if (-FLUSH_EVERY..=FLUSH_EVERY).contains(&unflushed) {
            s.unflushed.set(unflushed);
        } else {
            s.unflushed.set(0);
            LIVE.fetch_add(unflushed, Ordering::Relaxed);
        }
        delta > 0 && net > s.small_threshold.get()
    });
    if past_threshold {
        past_small_threshold(delta.unsigned_abs());
    }
}

/// The slow path of an allocation smaller than [`CHECKED_ALLOCATION`] that left the thread
/// past the budget plus the slack: stops the agent if the process is past the budget too.
#[cold]
fn past_small_threshold(size: usize) {
    let (budget, in_use) = STATE.with(|s| (s.budget.get(), s.net.get()));
    let live = usize::try_from(LIVE.load(Ordering::Relaxed)).unwrap_or(0);
    if live <= budget {
        return;
    }
    stop(StopReason::OutOfMemory(OutOfMemory {
        requested: size,
        in_use: usize::try_from(in_use).unwrap_or(0).saturating_sub(size),
        limit: Some(budget),
    }));
}

/// Before an allocation of `size` bytes that grows what the thread holds by `growth` bytes
/// (`size` itself for a new allocation; a growing buffer's new size and its growth): for a
/// large one (`size` at least [`CHECKED_ALLOCATION`]), stops the agent when the user agent is
/// shutting down or when it would pass its budget. Smaller ones are counted afterwards
/// ([`count`]).
#[inline]
fn check(size: usize, growth: usize) {
    if size >= CHECKED_ALLOCATION {
        check_large(growth);
    }
}

/// [`check`] of a large allocation.
#[cold]
fn check_large(growth: usize) {
    if !STATE.with(ThreadState::armed) {
        return;
    }
    if stop_requested() {
        stop(StopReason::Shutdown);
    }
    let budget = STATE.with(|s| s.budget.get());
    if budget == usize::MAX {
        return;
    }
    let in_use = thread_bytes_in_use();
    if in_use.saturating_add(growth) <= budget {
        return;
    }
    let live = usize::try_from(LIVE.load(Ordering::Relaxed)).unwrap_or(0);
    if live.saturating_add(growth) <= budget {
        return;
    }
    stop(StopReason::OutOfMemory(OutOfMemory {
        requested: growth,
        in_use,
        limit: Some(budget),
    }));
}

/// Whether the user agent is shutting down (the agent's stop signal is set).
fn stop_requested() -> bool {
    STOP_SIGNAL
        .try_with(|slot| {
            slot.try_borrow()
                .ok()
                .and_then(|signal| signal.as_ref().map(StopSignal::is_set))
                .unwrap_or(false)
        })
        .unwrap_or(false)
}

/// After the allocator below failed to give `size` bytes: on an agent's thread, stops the
/// agent; elsewhere returns (the caller then aborts the process, as Rust does).
fn failed(size: usize) {
    if STATE.with(|s| s.budget.get() == 0 || s.stopping.get()) {
        return;
    }
    stop(StopReason::OutOfMemory(OutOfMemory {
        requested: size,
        in_use: thread_bytes_in_use(),
        limit: None,
    }));
}

/// Stops the current agent thread for good: runs its hook (which records the crash and
/// answers the coordinator until shutdown), then parks forever.
fn stop(reason: StopReason) -> ! {
    STATE.with(|s| {
        s.stopping.set(true);
        s.rearm();
    });
    let hook = STOP_HOOK
        .try_with(|slot| slot.try_borrow_mut().ok().and_then(|mut h| h.take()))
        .ok()
        .flatten();
    if let Some(hook) = hook {
        hook(reason);
    }
    loop {
        std::thread::park();
    }
}
