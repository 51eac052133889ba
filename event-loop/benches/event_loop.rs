//! Event-loop benchmarks: empty tasks on one loop, the cross-thread round trip between two
//! agents under a coordinator (against a bare crossbeam-channel round trip), and timers under
//! virtual time.

// Bench code: a setup that fails should stop the bench, loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::hint::black_box;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group};
use postern_event_loop::{
    AgentId, AgentLoop, Clock, Coordinator, DocumentKey, EventLoop, EventLoopHandle, EventLoopHost,
    LoopState, RunLimits, RunOutcome, Task, TaskSource, TimeMode, run_one_turn,
};

struct Empty;

impl EventLoopHost<u32> for Empty {
    fn is_fully_active(&self, _: DocumentKey) -> bool {
        true
    }
    fn run_task(&mut self, task: Task<u32>) {
        black_box(task.steps);
    }
    fn perform_a_microtask_checkpoint(&mut self) {}
}

fn empty_tasks(c: &mut Criterion) {
    const N: u32 = 1_000;
    let mut group = c.benchmark_group("one_loop");
    group.throughput(Throughput::Elements(u64::from(N)));
    let event_loop = RefCell::new(EventLoop::new(AgentId(1), Clock::new(TimeMode::Real)));
    group.bench_function("empty_tasks_queue_and_run", |b| {
        b.iter(|| {
            for i in 0..N {
                event_loop
                    .borrow_mut()
                    .queue_a_task(Task::new(TaskSource::PostedMessage, None, i));
            }
            while run_one_turn(&event_loop, &mut Empty) == LoopState::RanTask {}
        });
    });
    group.finish();
}

/// What the bench agents run: a message with so many hops left; or, under virtual time, a
/// task that sets timers.
enum Steps {
    Hop(u64),
    SetTimers(u64),
    Timer,
}

struct BenchAgent {
    event_loop: RefCell<EventLoop<Steps>>,
    peer: Arc<Mutex<Option<EventLoopHandle<Steps>>>>,
    cached_peer: Option<EventLoopHandle<Steps>>,
}

struct Host<'a> {
    event_loop: &'a RefCell<EventLoop<Steps>>,
    peer: &'a Option<EventLoopHandle<Steps>>,
}

impl EventLoopHost<Steps> for Host<'_> {
    fn is_fully_active(&self, _: DocumentKey) -> bool {
        true
    }
    fn run_task(&mut self, task: Task<Steps>) {
        match task.steps {
            Steps::Hop(0) | Steps::Timer => {}
            Steps::Hop(left) => {
                if let Some(peer) = self.peer {
                    let hop = Task::new(TaskSource::PostedMessage, None, Steps::Hop(left - 1));
                    let _ = peer.queue_a_task(hop);
                }
            }
            Steps::SetTimers(n) => {
                let mut event_loop = self.event_loop.borrow_mut();
                for i in 0..n {
                    // Delays from 0 to 999 ms in a scrambled order: 7,919 is coprime with
                    // 1,000, so any 1,000 consecutive ones are distinct.
                    let delay = Duration::from_millis(i * 7_919 % 1_000);
                    let task = Task::new(TaskSource::Timer, None, Steps::Timer);
                    event_loop.run_steps_after_a_timeout(delay, task);
                }
            }
        }
    }
    fn perform_a_microtask_checkpoint(&mut self) {}
}

impl AgentLoop for BenchAgent {
    type Steps = Steps;
    fn run_one_turn(&mut self) -> LoopState {
        if self.cached_peer.is_none() {
            self.cached_peer = self.peer.lock().ok().and_then(|p| p.clone());
        }
        let mut host = Host {
            event_loop: &self.event_loop,
            peer: &self.cached_peer,
        };
        run_one_turn(&self.event_loop, &mut host)
    }
    fn event_loop(&self) -> &RefCell<EventLoop<Steps>> {
        &self.event_loop
    }
}

fn spawn(
    coordinator: &Coordinator<Steps>,
    peer: &Arc<Mutex<Option<EventLoopHandle<Steps>>>>,
) -> EventLoopHandle<Steps> {
    let peer = Arc::clone(peer);
    coordinator
        .spawn_agent(move |event_loop| {
            Ok(BenchAgent {
                event_loop: RefCell::new(event_loop),
                peer,
                cached_peer: None,
            })
        })
        .expect("spawn")
}

const LIMITS: RunLimits = RunLimits {
    time_limit: Duration::from_secs(u32::MAX as u64),
    wall_limit: Duration::from_secs(600),
};

/// Two agents under a coordinator, real time: A's task posts to B, B's task replies to A.
struct AgentPair {
    coordinator: Coordinator<Steps>,
    a: EventLoopHandle<Steps>,
    peers: [Arc<Mutex<Option<EventLoopHandle<Steps>>>>; 2],
}

impl AgentPair {
    fn new() -> Self {
        let coordinator = Coordinator::new(Clock::new(TimeMode::Real));
        let peers = [Arc::new(Mutex::new(None)), Arc::new(Mutex::new(None))];
        let a = spawn(&coordinator, &peers[0]);
        let b = spawn(&coordinator, &peers[1]);
        *peers[0].lock().expect("lock") = Some(b);
        *peers[1].lock().expect("lock") = Some(a.clone());
        AgentPair {
            coordinator,
            a,
            peers,
        }
    }

    /// `n` round trips, and the run that waits for the system to be idle after them.
    fn round_trips(&self, n: u64) -> Duration {
        let started = Instant::now();
        let first = Task::new(TaskSource::PostedMessage, None, Steps::Hop(2 * n));
        assert!(self.a.queue_a_task(first).is_ok());
        assert_eq!(
            self.coordinator.run_until(&|| false, LIMITS),
            RunOutcome::Idle
        );
        started.elapsed()
    }

    fn shutdown(self) {
        for peer in &self.peers {
            *peer.lock().expect("lock") = None;
        }
        let report = self.coordinator.shutdown(Duration::from_secs(10));
        assert_eq!(report.stuck_threads, 0);
    }
}

/// The floor: two threads and two crossbeam channels, the second echoing what the first sends.
struct CrossbeamPair {
    to_echo: crossbeam_channel::Sender<u64>,
    from_echo: crossbeam_channel::Receiver<u64>,
    echo: thread::JoinHandle<()>,
}

impl CrossbeamPair {
    fn new() -> Self {
        let (to_echo, echo_in) = crossbeam_channel::unbounded::<u64>();
        let (echo_out, from_echo) = crossbeam_channel::unbounded::<u64>();
        let echo = thread::spawn(move || {
            while let Ok(m) = echo_in.recv() {
                if echo_out.send(m).is_err() {
                    break;
                }
            }
        });
        CrossbeamPair {
            to_echo,
            from_echo,
            echo,
        }
    }

    fn round_trips(&self, n: u64) -> Duration {
        let started = Instant::now();
        for i in 0..n {
            self.to_echo.send(i).expect("send");
            black_box(self.from_echo.recv().expect("recv"));
        }
        started.elapsed()
    }

    fn shutdown(self) {
        drop(self.to_echo);
        self.echo.join().expect("echo thread");
    }
}

fn round_trip(c: &mut Criterion) {
    let mut group = c.benchmark_group("cross_thread_round_trip");
    group.throughput(Throughput::Elements(1));
    let agents = AgentPair::new();
    group.bench_function("postern_agents", |bencher| {
        bencher.iter_custom(|iters| agents.round_trips(iters));
    });
    agents.shutdown();
    let floor = CrossbeamPair::new();
    group.bench_function("crossbeam_channel", |bencher| {
        bencher.iter_custom(|iters| floor.round_trips(iters));
    });
    floor.shutdown();
    group.finish();
}

/// The same two round trips measured in alternation (so that both see the same load on a
/// shared machine): prints the median per round trip of each and the median of the ratios.
fn interleaved_round_trip() {
    const ROUNDS: usize = 31;
    const N: u64 = 5_000;
    let agents = AgentPair::new();
    let floor = CrossbeamPair::new();
    let mut postern = Vec::new();
    let mut crossbeam = Vec::new();
    let mut ratios = Vec::new();
    let verbose = std::env::var_os("ROUND_TRIP_VERBOSE").is_some();
    for round in 0..ROUNDS {
        // Alternate which goes first.
        let (p, c) = if round % 2 == 0 {
            let p = agents.round_trips(N);
            (p, floor.round_trips(N))
        } else {
            let c = floor.round_trips(N);
            (agents.round_trips(N), c)
        };
        let (p, c) = (p.as_secs_f64() / N as f64, c.as_secs_f64() / N as f64);
        if verbose {
            println!(
                "  round {round}: postern {:.2} µs, crossbeam {:.2} µs",
                p * 1e6,
                c * 1e6
            );
        }
        postern.push(p);
        crossbeam.push(c);
        ratios.push(p / c);
    }
    agents.shutdown();
    floor.shutdown();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (p, c, r) = (
        median(&mut postern),
        median(&mut crossbeam),
        median(&mut ratios),
    );
    // The sorted vectors' first entries are each side's least disturbed round.
    println!(
        "cross_thread_round_trip interleaved ({ROUNDS} rounds of {N}): median postern {:.2} µs, \
         crossbeam {:.2} µs, median ratio {r:.2}; best rounds postern {:.2} µs, crossbeam \
         {:.2} µs, ratio {:.2}",
        p * 1e6,
        c * 1e6,
        postern[0] * 1e6,
        crossbeam[0] * 1e6,
        postern[0] / crossbeam[0]
    );
}

fn virtual_timers(c: &mut Criterion) {
    const N: u64 = 1_000;
    let mut group = c.benchmark_group("virtual_time");
    group.throughput(Throughput::Elements(N));
    let coordinator = Coordinator::new(Clock::new(TimeMode::Virtual));
    let agent = spawn(&coordinator, &Arc::new(Mutex::new(None)));
    group.bench_function("timers_set_and_run_until_idle", |bencher| {
        bencher.iter(|| {
            let set = Task::new(TaskSource::DomManipulation, None, Steps::SetTimers(N));
            assert!(agent.queue_a_task(set).is_ok());
            assert_eq!(coordinator.run_until(&|| false, LIMITS), RunOutcome::Idle);
        });
    });
    coordinator.shutdown(Duration::from_secs(10));
    group.finish();
}

criterion_group!(benches, empty_tasks, round_trip, virtual_timers);

fn main() {
    benches();
    // The interleaved comparison runs when the round trip does (no filter, or one naming it).
    let filter = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-') && a.parse::<f64>().is_err());
    if filter.is_none_or(|f| "cross_thread_round_trip".contains(f.as_str())) {
        interleaved_round_trip();
    }
    Criterion::default().configure_from_args().final_summary();
}
