//! Smoke test of the coordinator: two agents ping-pong across threads in both time modes.

// Test code (helpers outside #[test] fns too): a failed unwrap/expect is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use postern_event_loop::{
    AgentLoop, Clock, Coordinator, DocumentKey, EventLoop, EventLoopHandle, EventLoopHost,
    LoopState, RunLimits, RunOutcome, Task, TaskSource, TimeMode,
};

enum Steps {
    Ping {
        left: u32,
        reply_to: Arc<Mutex<Option<EventLoopHandle<Steps>>>>,
    },
    Log(&'static str),
}

struct Agent {
    name: &'static str,
    event_loop: RefCell<EventLoop<Steps>>,
    log: Arc<Mutex<Vec<String>>>,
    peer: Arc<Mutex<Option<EventLoopHandle<Steps>>>>,
}

struct Host<'a>(&'a Agent);

impl EventLoopHost<Steps> for Host<'_> {
    fn is_fully_active(&self, _: DocumentKey) -> bool {
        true
    }
    fn run_task(&mut self, task: Task<Steps>) {
        let agent = self.0;
        match task.steps {
            Steps::Ping { left, reply_to } => {
                agent
                    .log
                    .lock()
                    .unwrap()
                    .push(format!("{} {left}", agent.name));
                if left > 0 {
                    let peer = agent.peer.lock().unwrap().clone();
                    if let Some(peer) = peer {
                        let _ = peer.queue_a_task(Task::new(
                            TaskSource::PostedMessage,
                            None,
                            Steps::Ping {
                                left: left - 1,
                                reply_to,
                            },
                        ));
                    }
                }
            }
            Steps::Log(what) => agent.log.lock().unwrap().push(what.to_string()),
        }
    }
    fn perform_a_microtask_checkpoint(&mut self) {}
}

impl AgentLoop for Agent {
    type Steps = Steps;
    fn run_one_turn(&mut self) -> LoopState {
        let agent: &Agent = self;
        postern_event_loop::run_one_turn(&agent.event_loop, &mut Host(agent))
    }
    fn event_loop(&self) -> &RefCell<EventLoop<Steps>> {
        &self.event_loop
    }
}

fn ping_pong(mode: TimeMode) -> Vec<String> {
    let coordinator = Coordinator::new(Clock::new(mode));
    let log = Arc::new(Mutex::new(Vec::new()));
    let peer_of_a = Arc::new(Mutex::new(None));
    let peer_of_b = Arc::new(Mutex::new(None));
    let spawn = |name: &'static str, peer: Arc<Mutex<Option<EventLoopHandle<Steps>>>>| {
        let log = Arc::clone(&log);
        coordinator
            .spawn_agent(move |event_loop| {
                Ok(Agent {
                    name,
                    event_loop: RefCell::new(event_loop),
                    log,
                    peer,
                })
            })
            .unwrap()
    };
    let a = spawn("a", Arc::clone(&peer_of_a));
    let b = spawn("b", Arc::clone(&peer_of_b));
    *peer_of_a.lock().unwrap() = Some(b.clone());
    *peer_of_b.lock().unwrap() = Some(a.clone());
    a.queue_a_task(Task::new(
        TaskSource::PostedMessage,
        None,
        Steps::Ping {
            left: 9,
            reply_to: Arc::new(Mutex::new(None)),
        },
    ))
    .ok()
    .unwrap();
    let limits = RunLimits {
        time_limit: Duration::from_secs(60),
        wall_limit: Duration::from_secs(60),
    };
    assert_eq!(coordinator.run_until(&|| false, limits), RunOutcome::Idle);
    let _ = b.queue_a_task(Task::new(
        TaskSource::DomManipulation,
        None,
        Steps::Log("late"),
    ));
    let report = coordinator.shutdown(Duration::from_secs(5));
    assert_eq!(report.stuck_threads, 0);
    *peer_of_a.lock().unwrap() = None;
    *peer_of_b.lock().unwrap() = None;
    let log = log.lock().unwrap().clone();
    // "late" was never run: it is either counted lost or it ran before shutdown.
    assert!(report.lost_tasks + u64::from(log.last().is_some_and(|l| l == "late")) == 1);
    log
}

#[test]
fn ping_pong_in_both_modes() {
    for mode in [TimeMode::Real, TimeMode::Virtual] {
        let log = ping_pong(mode);
        let pings: Vec<_> = log.iter().filter(|l| *l != "late").cloned().collect();
        let expected: Vec<String> = (0..10)
            .map(|i| format!("{} {}", if i % 2 == 0 { "a" } else { "b" }, 9 - i))
            .collect();
        assert_eq!(pings, expected, "{mode:?}");
    }
}
