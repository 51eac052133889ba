//! Many agents on many threads under real time: nothing lost, FIFO per (sender, source).

mod common;

use std::time::Duration;

use common::{Ctx, Steps, limits, never, send, steps, world_of};
use postern_event_loop::{AgentId, RunOutcome, TaskSource, TimeMode};

const AGENTS: u64 = 4;
/// Messages each agent generates; each is received twice (it is forwarded once).
const GENERATED_PER_AGENT: u64 = 125_000;
const CHUNK: u64 = 500;
const SOURCES: [TaskSource; 4] = [
    TaskSource::PostedMessage,
    TaskSource::PortMessageQueue(1),
    TaskSource::PortMessageQueue(2),
    TaskSource::Networking,
];

fn others(of: AgentId) -> Vec<AgentId> {
    (1..=AGENTS).map(AgentId).filter(|a| *a != of).collect()
}

/// Sends a message from the running agent to `to` on `source`, numbered per (to, source).
fn post_numbered(ctx: &Ctx<'_>, to: AgentId, source: TaskSource, hops: u32) {
    let seq = {
        let mut local = ctx.local();
        let next = local.next_seq.entry((to, source)).or_insert(0);
        *next += 1;
        *next
    };
    let from = ctx.id();
    assert!(ctx.post(to, source, message(from, seq, hops)));
}

/// A message: checks it follows the previous one from the same (sender, source), then
/// forwards itself once more if it has hops left.
fn message(from: AgentId, seq: u64, hops: u32) -> Steps {
    steps(move |ctx| {
        {
            let mut local = ctx.local();
            let previous = local.last_seen.insert((from, ctx.source), seq).unwrap_or(0);
            if previous + 1 != seq {
                local.out_of_order += 1;
            }
            local.received += 1;
        }
        if hops > 0 {
            let peers = others(ctx.id());
            let to = peers[(seq as usize) % peers.len()];
            post_numbered(ctx, to, ctx.source, hops - 1);
        }
    })
}

/// Generates `left` messages, `CHUNK` per task, spread over the other agents and the sources.
fn generate(left: u64) -> Steps {
    steps(move |ctx| {
        let peers = others(ctx.id());
        let n = left.min(CHUNK);
        for k in left - n..left {
            let to = peers[(k % 3) as usize];
            let source = SOURCES[((k / 3) % 4) as usize];
            post_numbered(ctx, to, source, 1);
        }
        if left > n {
            ctx.queue_local(TaskSource::DomManipulation, None, generate(left - n));
        }
    })
}

#[test]
fn a_million_tasks_across_four_agent_threads_arrive_all_in_fifo_order_per_sender_and_source() {
    let (coordinator, world, handles) = world_of(TimeMode::Real, AGENTS as usize);
    for handle in &handles {
        send(
            handle,
            TaskSource::DomManipulation,
            generate(GENERATED_PER_AGENT),
        );
    }
    assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
    for handle in &handles {
        send(
            handle,
            TaskSource::DomManipulation,
            steps(|ctx| {
                let local = ctx.local();
                let line = format!("{} {}", local.received, local.out_of_order);
                drop(local);
                ctx.log(line);
            }),
        );
    }
    assert_eq!(coordinator.run_until(&never, limits()), RunOutcome::Idle);
    let trace = world.trace();
    assert_eq!(trace.len(), AGENTS as usize);
    let mut received = 0;
    for (agent, _, line) in &trace {
        let mut parts = line.split(' ').map(|p| p.parse::<u64>().unwrap());
        let (got, out_of_order) = (parts.next().unwrap(), parts.next().unwrap());
        assert_eq!(out_of_order, 0, "agent {agent:?} saw tasks out of order");
        received += got;
    }
    assert_eq!(received, 1_000_000);
    let report = coordinator.shutdown(Duration::from_secs(10));
    assert_eq!(report.lost_tasks, 0);
    assert_eq!(report.stuck_threads, 0);
}
