//! The processing model: choice of task, runnability, checkpoints, timers, other threads.

use std::cell::RefCell;
use std::collections::HashSet;
use std::time::Duration;

use postern_event_loop::{
    AgentId, Clock, DocumentKey, EventLoop, EventLoopHost, LoopState, Task, TaskSource, TimeMode,
    run_one_turn,
};

#[derive(Default)]
struct Trace {
    inactive: HashSet<DocumentKey>,
    log: Vec<String>,
}

impl EventLoopHost<&'static str> for Trace {
    fn is_fully_active(&self, document: DocumentKey) -> bool {
        !self.inactive.contains(&document)
    }
    fn run_task(&mut self, task: Task<&'static str>) {
        self.log.push(task.steps.to_string());
    }
    fn perform_a_microtask_checkpoint(&mut self) {
        self.log.push("checkpoint".into());
    }
}

fn run_all(event_loop: &mut EventLoop<&'static str>, host: &mut Trace) {
    let cell = RefCell::new(std::mem::replace(
        event_loop,
        EventLoop::new(AgentId(0), Clock::new(TimeMode::Virtual)),
    ));
    while run_one_turn(&cell, host) == LoopState::RanTask {}
    *event_loop = cell.into_inner();
}

#[test]
fn tasks_run_in_queue_order_across_sources_each_followed_by_a_checkpoint() {
    let mut event_loop = EventLoop::new(AgentId(1), Clock::new(TimeMode::Virtual));
    event_loop.queue_a_task(Task::new(TaskSource::PostedMessage, None, "m1"));
    event_loop.queue_a_task(Task::new(TaskSource::Networking, None, "n1"));
    event_loop.queue_a_task(Task::new(TaskSource::PostedMessage, None, "m2"));
    let mut host = Trace::default();
    run_all(&mut event_loop, &mut host);
    assert_eq!(
        host.log,
        ["m1", "checkpoint", "n1", "checkpoint", "m2", "checkpoint"]
    );
}

#[test]
fn tasks_of_a_document_that_is_not_fully_active_wait_and_others_pass_them() {
    let mut event_loop = EventLoop::new(AgentId(1), Clock::new(TimeMode::Virtual));
    let doc = DocumentKey(7);
    event_loop.queue_a_task(Task::new(TaskSource::PostedMessage, Some(doc), "inactive"));
    event_loop.queue_a_task(Task::new(TaskSource::PostedMessage, None, "free"));
    let mut host = Trace::default();
    host.inactive.insert(doc);
    run_all(&mut event_loop, &mut host);
    assert_eq!(host.log, ["free", "checkpoint"]);
    assert!(event_loop.has_queued_tasks());
    host.inactive.clear();
    run_all(&mut event_loop, &mut host);
    assert_eq!(host.log, ["free", "checkpoint", "inactive", "checkpoint"]);
}

#[test]
fn a_destroyed_documents_tasks_and_timers_are_dropped() {
    let mut event_loop = EventLoop::new(AgentId(1), Clock::new(TimeMode::Virtual));
    let doc = DocumentKey(3);
    event_loop.queue_a_task(Task::new(TaskSource::PostedMessage, Some(doc), "gone"));
    event_loop.run_steps_after_a_timeout(
        Duration::from_millis(5),
        Task::new(TaskSource::Timer, Some(doc), "gone timer"),
    );
    assert_eq!(event_loop.remove_tasks_of_document(doc).len(), 2);
    let mut host = Trace::default();
    event_loop.clock().advance_to(Duration::from_secs(1));
    run_all(&mut event_loop, &mut host);
    assert!(host.log.is_empty());
}

#[test]
fn virtual_time_timers_fire_in_deadline_order_when_the_clock_jumps() {
    let event_loop = RefCell::new(EventLoop::new(AgentId(1), Clock::new(TimeMode::Virtual)));
    event_loop.borrow_mut().run_steps_after_a_timeout(
        Duration::from_secs(3600),
        Task::new(TaskSource::Timer, None, "hour"),
    );
    event_loop.borrow_mut().run_steps_after_a_timeout(
        Duration::from_millis(10),
        Task::new(TaskSource::Timer, None, "ten"),
    );
    let mut host = Trace::default();
    let mut jumps = 0;
    loop {
        match run_one_turn(&event_loop, &mut host) {
            LoopState::RanTask => {}
            LoopState::Idle {
                next_timer: Some(deadline),
            } => {
                event_loop.borrow().clock().advance_to(deadline);
                jumps += 1;
            }
            LoopState::Idle { next_timer: None } => break,
        }
    }
    assert_eq!(host.log, ["ten", "checkpoint", "hour", "checkpoint"]);
    assert_eq!(jumps, 2);
    assert_eq!(event_loop.borrow().clock().now(), Duration::from_secs(3600));
}

#[test]
fn tasks_queued_from_another_thread_arrive_in_order() {
    let mut event_loop = EventLoop::new(AgentId(2), Clock::new(TimeMode::Real));
    let handle = event_loop.handle();
    let sender = std::thread::spawn(move || {
        for steps in ["a", "b", "c"] {
            if handle
                .queue_a_task(Task::new(TaskSource::PostedMessage, None, steps))
                .is_err()
            {
                return false;
            }
        }
        true
    });
    assert!(sender.join().unwrap_or(false));
    let mut host = Trace::default();
    run_all(&mut event_loop, &mut host);
    assert_eq!(
        host.log,
        ["a", "checkpoint", "b", "checkpoint", "c", "checkpoint"]
    );
}
