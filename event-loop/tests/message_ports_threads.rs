//! The shared port table under real threads: three agent threads, one `MessagePorts<u64>`,
//! crossbeam channels as the agents' event loops. Agent 1 posts 100,000 numbered messages
//! from one end of a channel while the other end is shipped ten times between the three
//! agents mid-stream; every message must arrive once and in order.

// Test code: the agents' helpers unwrap what the test set up.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use postern_event_loop::{
    AgentId, DocumentKey, MessagePorts, NoticeKind, PortId, PortNotice, PortOwner, PostOutcome,
};

const AGENTS: u64 = 3;
const MESSAGES: u64 = 100_000;
const SHIPS: u64 = 10;
/// The receiving end moves on after each `MESSAGES / (SHIPS + 1)` messages it received.
const SHIP_EVERY: u64 = MESSAGES / (SHIPS + 1);
/// Agent 1 posts this many messages per turn, then runs what its event loop holds.
const CHUNK: u64 = 250;
/// Agent 1 posts only while fewer messages than this wait in the receiving port's queue, so
/// that posting goes on while the receiving port moves (and the backlog stays small).
const WINDOW: usize = 2_000;
const DEADLINE: Duration = Duration::from_secs(120);

/// What an agent's event loop runs.
enum Event {
    /// A notice from the table.
    Notice(PortNotice),
    /// The receiving port arrives (the message that carried it is delivered), with what its
    /// JS side knows: the next sequence number it expects and how many ships are left.
    Arrive {
        port: PortId,
        expected: u64,
        ships_left: u64,
    },
    /// Everything arrived: stop.
    Stop,
}

/// The receiving end's state, which moves with the port.
struct Receiving {
    port: PortId,
    expected: u64,
    ships_left: u64,
}

/// What an agent saw.
#[derive(Debug, Default)]
struct Report {
    received: u64,
    /// Messages that were not the next expected one (a loss, a duplicate or a reordering).
    out_of_order: u64,
    stale_notices: u64,
    closes: u64,
    /// Ships of the receiving port made while agent 1 was still posting.
    ships_mid_stream: u64,
    timed_out: bool,
}

fn owner(agent: AgentId) -> PortOwner {
    PortOwner {
        agent,
        document: DocumentKey(agent.0),
    }
}

struct Agent {
    id: AgentId,
    ports: Arc<MessagePorts<u64>>,
    loops: Vec<Sender<Event>>,
    incoming: Receiver<Event>,
    /// How many messages agent 1 has posted.
    posted: Arc<AtomicU64>,
    /// The receiving port, while it lives here.
    receiving: Option<Receiving>,
    report: Report,
}

impl Agent {
    fn send(&self, to: AgentId, event: Event) {
        // A send fails only once the receiver stopped; then nothing is waiting for it.
        let _ = self.loops[(to.0 - 1) as usize].send(event);
    }

    fn queue(&self, notices: impl IntoIterator<Item = PortNotice>) {
        for notice in notices {
            self.send(notice.owner.agent, Event::Notice(notice));
        }
    }

    /// Runs one event; returns false on `Stop`.
    fn run(&mut self, event: Event) -> bool {
        match event {
            Event::Stop => return false,
            Event::Notice(notice) => match notice.kind {
                NoticeKind::Message => self.message(notice.port),
                NoticeKind::Close => {
                    if self.ports.with(|t| t.take_close(notice.port, self.id)) {
                        self.report.closes += 1;
                    }
                }
            },
            Event::Arrive {
                port,
                expected,
                ships_left,
            } => {
                let notices = self.ports.with(|t| {
                    t.arrive(port, owner(self.id)).expect("in transit");
                    t.start(port).expect("it lives here")
                });
                self.receiving = Some(Receiving {
                    port,
                    expected,
                    ships_left,
                });
                self.queue(notices);
            }
        }
        true
    }

    fn message(&mut self, port: PortId) {
        let Some(message) = self.ports.with(|t| t.take_message(port, self.id)) else {
            self.report.stale_notices += 1;
            return;
        };
        let receiving = self
            .receiving
            .as_mut()
            .expect("a message is taken only where its port lives");
        if message != receiving.expected {
            self.report.out_of_order += 1;
        }
        receiving.expected = message + 1;
        self.report.received += 1;
        if receiving.expected == MESSAGES {
            for agent in 1..=AGENTS {
                self.send(AgentId(agent), Event::Stop);
            }
        } else if receiving.ships_left > 0 && receiving.expected.is_multiple_of(SHIP_EVERY) {
            // Ship the port to the next agent, mid-stream.
            let Receiving {
                port,
                expected,
                ships_left,
            } = self.receiving.take().expect("checked above");
            self.ports.with(|t| t.ship(port)).expect("lives here");
            if self.posted.load(Ordering::SeqCst) < MESSAGES {
                self.report.ships_mid_stream += 1;
            }
            let to = AgentId(self.id.0 % AGENTS + 1);
            self.send(
                to,
                Event::Arrive {
                    port,
                    expected,
                    ships_left: ships_left - 1,
                },
            );
        }
    }

    /// Runs events until `Stop` or the deadline; the posting agent posts between events.
    fn run_loop(mut self, posting: Option<(PortId, PortId)>, deadline: Instant) -> Report {
        let mut posted = 0;
        loop {
            if Instant::now() > deadline {
                self.report.timed_out = true;
                return self.report;
            }
            let mut wait = Duration::from_millis(50);
            if let Some((source, target)) = posting.filter(|_| posted < MESSAGES) {
                let end = (posted + CHUNK).min(MESSAGES);
                let notices = self.ports.with(|t| {
                    if t.queued(target) >= WINDOW {
                        return None;
                    }
                    let notices: Vec<PortNotice> = (posted..end)
                        .filter_map(|n| match t.post_message(source, n) {
                            Ok(PostOutcome::Queued(notice)) => notice,
                            other => panic!("posting {n}: {other:?}"),
                        })
                        .collect();
                    Some(notices)
                });
                match notices {
                    Some(notices) => {
                        posted = end;
                        self.posted.store(posted, Ordering::SeqCst);
                        self.queue(notices);
                        wait = Duration::ZERO;
                    }
                    None => wait = Duration::from_millis(1),
                }
            }
            match self.incoming.recv_timeout(wait) {
                Ok(event) => {
                    if !self.run(event) {
                        return self.report;
                    }
                    while let Ok(event) = self.incoming.try_recv() {
                        if !self.run(event) {
                            return self.report;
                        }
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return self.report,
            }
        }
    }
}

#[test]
fn a_hundred_thousand_messages_arrive_once_in_order_while_the_receiver_moves_ten_times() {
    let ports = Arc::new(MessagePorts::<u64>::new());
    let (sending, receiving) = ports.with(|t| {
        let pair = t.create_entangled_pair(owner(AgentId(1)));
        t.ship(pair.1).unwrap();
        pair
    });
    let (loops, incomings): (Vec<_>, Vec<_>) =
        (0..AGENTS).map(|_| crossbeam_channel::unbounded()).unzip();
    // The receiving port starts its life at agent 2.
    loops[1]
        .send(Event::Arrive {
            port: receiving,
            expected: 0,
            ships_left: SHIPS,
        })
        .unwrap();

    let posted = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + DEADLINE;
    let started = Instant::now();
    let threads: Vec<_> = incomings
        .into_iter()
        .enumerate()
        .map(|(i, incoming)| {
            let agent = Agent {
                id: AgentId(i as u64 + 1),
                ports: Arc::clone(&ports),
                loops: loops.clone(),
                incoming,
                posted: Arc::clone(&posted),
                receiving: None,
                report: Report::default(),
            };
            let posting = (i == 0).then_some((sending, receiving));
            thread::spawn(move || agent.run_loop(posting, deadline))
        })
        .collect();
    drop(loops);
    let reports: Vec<Report> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    eprintln!("{:?} in {:?}", reports, started.elapsed());

    assert!(reports.iter().all(|r| !r.timed_out), "{reports:?}");
    assert_eq!(reports.iter().map(|r| r.received).sum::<u64>(), MESSAGES);
    assert_eq!(reports.iter().map(|r| r.out_of_order).sum::<u64>(), 0);
    assert!(
        reports.iter().filter(|r| r.received > 0).count() == AGENTS as usize,
        "the receiving port lived at every agent: {reports:?}"
    );
    assert_eq!(
        reports.iter().map(|r| r.ships_mid_stream).sum::<u64>(),
        SHIPS,
        "every ship happened while agent 1 was still posting"
    );
    assert_eq!(reports.iter().map(|r| r.closes).sum::<u64>(), 0);
    // Both ends still entangled, nothing waiting; closing them leaves the table empty.
    ports.with(|t| {
        assert_eq!(t.entangled_with(sending), Some(receiving));
        assert_eq!(t.queued(receiving), 0);
        let closed = t.close(sending);
        assert_eq!(closed.notices.len(), 1, "a close for the receiving end");
        assert!(closed.dropped.is_empty());
        t.close(receiving);
        assert!(t.is_empty());
    });
}
