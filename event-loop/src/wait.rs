//! Waiting on channels between threads, polling briefly before parking: how an idle agent
//! thread waits for its next task, command, or timer deadline ([`wait`]), and how an agent
//! waits for its turn and the coordinator for the end of a turn under virtual time
//! ([`recv_polling`]).

use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Select, TryRecvError};

use crate::control::Control;
use crate::task::Task;

/// What ended a wait.
pub(crate) enum Woke<T> {
    Task(Task<T>),
    Control(Control),
    Timeout,
}

/// How long an idle agent polls its channels before it parks: a little longer than a task's
/// round trip to another agent and back, so that a ping-pong never parks.
const POLL_FOR: Duration = Duration::from_micros(50);
/// Spin steps first (`2^step` spin-loop hints each), then yields of the time slice until
/// `POLL_FOR` has passed.
const SPIN_STEPS: u32 = 7;

/// Waits for a task on `incoming`, a command on `control`, or `timeout`.
///
/// A reply from another agent often arrives within microseconds, while parking a thread and
/// waking it costs far more (tens of microseconds on a VM): so the wait first polls both
/// channels for a while (spinning, then yielding to any other runnable thread), and only then
/// blocks on both.
pub(crate) fn wait<T>(
    incoming: &Receiver<Task<T>>,
    control: &Receiver<Control>,
    timeout: Option<Duration>,
) -> Woke<T> {
    let deadline = timeout.map(|timeout| Instant::now() + timeout);
    poll_for_a_while(|| poll(incoming, control), deadline)
        .unwrap_or_else(|| block(incoming, control, deadline))
}

/// Receives from `receiver` before `deadline` (if any), polling for a while before parking
/// (see [`wait`]). `Err(())`: the deadline passed or the channel is disconnected.
pub(crate) fn recv_polling<M>(receiver: &Receiver<M>, deadline: Option<Instant>) -> Result<M, ()> {
    let polled = poll_for_a_while(
        || match receiver.try_recv() {
            Ok(message) => Some(Ok(message)),
            Err(TryRecvError::Disconnected) => Some(Err(())),
            Err(TryRecvError::Empty) => None,
        },
        deadline,
    );
    match polled {
        Some(result) => result,
        None => match deadline {
            Some(deadline) => receiver.recv_deadline(deadline).map_err(|_| ()),
            None => receiver.recv().map_err(|_| ()),
        },
    }
}

/// Calls `poll` until it returns something, spinning then yielding between calls, for at most
/// `POLL_FOR` (or until `deadline`); `None` if nothing came.
fn poll_for_a_while<R>(
    mut poll: impl FnMut() -> Option<R>,
    deadline: Option<Instant>,
) -> Option<R> {
    let mut step = 0;
    let mut poll_until = None;
    loop {
        if let Some(polled) = poll() {
            return Some(polled);
        }
        if step < SPIN_STEPS {
            for _ in 0..1u32 << step {
                std::hint::spin_loop();
            }
            step += 1;
            continue;
        }
        let now = Instant::now();
        let until = *poll_until.get_or_insert_with(|| {
            let poll_for = now + POLL_FOR;
            deadline.map_or(poll_for, |deadline| deadline.min(poll_for))
        });
        if now >= until {
            return None;
        }
        std::thread::yield_now();
    }
}

/// Takes a ready command, else a ready task, without blocking.
fn poll<T>(incoming: &Receiver<Task<T>>, control: &Receiver<Control>) -> Option<Woke<T>> {
    match control.try_recv() {
        Ok(command) => return Some(Woke::Control(command)),
        // The coordinator is gone: nothing will ever ask this agent to run again.
        Err(TryRecvError::Disconnected) => return Some(Woke::Control(Control::Shutdown)),
        Err(TryRecvError::Empty) => {}
    }
    match incoming.try_recv() {
        Ok(task) => Some(Woke::Task(task)),
        Err(TryRecvError::Disconnected) => Some(Woke::Control(Control::Shutdown)),
        Err(TryRecvError::Empty) => None,
    }
}

/// Parks until a task, a command, or the deadline.
fn block<T>(
    incoming: &Receiver<Task<T>>,
    control: &Receiver<Control>,
    deadline: Option<Instant>,
) -> Woke<T> {
    let mut select = Select::new();
    let task_index = select.recv(incoming);
    let control_index = select.recv(control);
    let operation = match deadline {
        Some(deadline) => match select.select_deadline(deadline) {
            Ok(operation) => operation,
            Err(_) => return Woke::Timeout,
        },
        None => select.select(),
    };
    match operation.index() {
        i if i == task_index => match operation.recv(incoming) {
            Ok(task) => Woke::Task(task),
            Err(_) => Woke::Control(Control::Shutdown),
        },
        i if i == control_index => match operation.recv(control) {
            Ok(command) => Woke::Control(command),
            Err(_) => Woke::Control(Control::Shutdown),
        },
        _ => Woke::Timeout,
    }
}
