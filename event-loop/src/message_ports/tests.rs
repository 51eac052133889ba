use super::*;

const A: AgentId = AgentId(1);
const B: AgentId = AgentId(2);

fn at(agent: AgentId) -> PortOwner {
    PortOwner {
        agent,
        document: DocumentKey(agent.0 * 10),
    }
}

fn message_notice(owner: PortOwner, port: PortId) -> PortNotice {
    PortNotice {
        owner,
        port,
        kind: NoticeKind::Message,
    }
}

fn close_notice(owner: PortOwner, port: PortId) -> PortNotice {
    PortNotice {
        owner,
        port,
        kind: NoticeKind::Close,
    }
}

#[test]
fn a_new_pair_is_entangled_and_ids_are_never_reused() {
    let mut table = PortTable::<u32>::new();
    let (p1, p2) = table.create_entangled_pair(at(A));
    assert_eq!(table.entangled_with(p1), Some(p2));
    assert_eq!(table.entangled_with(p2), Some(p1));
    assert_eq!(table.owner(p1), Some(at(A)));
    assert!(!table.is_enabled(p1));
    table.close(p1);
    table.close(p2);
    assert!(table.is_empty());
    let (p3, p4) = table.create_entangled_pair(at(A));
    assert!(![p1, p2].contains(&p3) && ![p1, p2].contains(&p4));
    assert_eq!(table.len(), 2);
}

#[test]
fn messages_wait_until_start_then_come_out_in_order() {
    let mut table = PortTable::new();
    let (p1, p2) = table.create_entangled_pair(at(A));
    assert_eq!(
        table.post_message(p1, 1).unwrap(),
        PostOutcome::Queued(None)
    );
    assert_eq!(
        table.post_message(p1, 2).unwrap(),
        PostOutcome::Queued(None)
    );
    assert_eq!(table.take_message(p2, A), None, "disabled: nothing to take");
    assert_eq!(table.start(p2).unwrap(), vec![message_notice(at(A), p2); 2]);
    assert_eq!(table.start(p2).unwrap(), vec![], "start twice: no-op");
    assert_eq!(
        table.post_message(p1, 3).unwrap(),
        PostOutcome::Queued(Some(message_notice(at(A), p2)))
    );
    assert_eq!(table.take_message(p2, B), None, "wrong agent");
    assert_eq!(table.take_message(p2, A), Some(1));
    assert_eq!(table.take_message(p2, A), Some(2));
    assert_eq!(table.take_message(p2, A), Some(3));
    assert_eq!(table.take_message(p2, A), None, "a spare notice is a no-op");
}

#[test]
fn errors_for_unknown_and_shipped_ports() {
    let mut table = PortTable::new();
    let (p1, _p2) = table.create_entangled_pair(at(A));
    let nowhere = PortId(99);
    assert_eq!(table.post_message(nowhere, 1), Err(PortError::Unknown));
    assert_eq!(table.start(nowhere), Err(PortError::Unknown));
    assert_eq!(table.ship(nowhere), Err(PortError::Unknown));
    assert_eq!(table.arrive(nowhere, at(B)), Err(PortError::Unknown));
    assert_eq!(table.arrive(p1, at(B)), Err(PortError::NotInTransit));
    table.ship(p1).unwrap();
    assert_eq!(table.ship(p1), Err(PortError::InTransit));
    assert_eq!(table.post_message(p1, 1), Err(PortError::InTransit));
    assert_eq!(table.start(p1), Err(PortError::InTransit));
    assert!(table.is_in_transit(p1));
    assert_eq!(table.owner(p1), None);
}

#[test]
fn the_queue_travels_with_a_shipped_port_and_is_disabled_on_arrival() {
    let mut table = PortTable::new();
    let (p1, p2) = table.create_entangled_pair(at(A));
    table.start(p2).unwrap();
    table.post_message(p1, 1).unwrap();
    table.ship(p2).unwrap();
    assert_eq!(table.take_message(p2, A), None, "the notice at A is stale");
    assert_eq!(
        table.post_message(p1, 2).unwrap(),
        PostOutcome::Queued(None),
        "the target is in transit"
    );
    assert_eq!(table.arrive(p2, at(B)), Ok(()));
    assert_eq!(table.owner(p2), Some(at(B)));
    assert_eq!(
        table.entangled_with(p2),
        Some(p1),
        "entangled across the move"
    );
    assert!(!table.is_enabled(p2));
    assert_eq!(
        table.take_message(p2, B),
        None,
        "disabled until started at B"
    );
    assert_eq!(table.start(p2).unwrap(), vec![message_notice(at(B), p2); 2]);
    assert_eq!(table.take_message(p2, B), Some(1));
    assert_eq!(table.take_message(p2, B), Some(2));
    // And back: the peer posts from where it is; p2 posts to p1 from B.
    assert_eq!(
        table.post_message(p2, 10).unwrap(),
        PostOutcome::Queued(None)
    );
    assert_eq!(table.start(p1).unwrap(), vec![message_notice(at(A), p1)]);
    assert_eq!(table.take_message(p1, A), Some(10));
}

#[test]
fn close_drops_its_own_queue_and_owes_the_peer_a_close() {
    let mut table = PortTable::new();
    let (p1, p2) = table.create_entangled_pair(at(A));
    table.post_message(p1, 1).unwrap(); // waits in p2's queue
    table.post_message(p2, 2).unwrap(); // waits in p1's queue
    let closed = table.close(p1);
    assert_eq!(closed.notices, vec![], "p2 is not started: its close waits");
    assert_eq!(closed.dropped, vec![2]);
    assert_eq!(table.entangled_with(p2), None);
    assert_eq!(table.len(), 1);
    assert!(
        !table.take_close(p2, A),
        "the close event waits for p2's queue to be enabled"
    );
    // What was queued for p2 before the close is still delivered, then the close event.
    assert_eq!(
        table.start(p2).unwrap(),
        vec![message_notice(at(A), p2), close_notice(at(A), p2)]
    );
    assert_eq!(table.take_message(p2, A), Some(1));
    assert!(table.take_close(p2, A));
    assert!(!table.take_close(p2, A), "once");
    // Posting from a port whose peer is gone drops the message.
    assert_eq!(table.post_message(p2, 3).unwrap(), PostOutcome::Dropped(3));
    // Idempotent.
    assert!(table.close(p1).is_empty());
    assert!(table.close(p2).is_empty());
    assert!(table.is_empty());
}

#[test]
fn a_close_while_in_transit_is_delivered_on_arrival() {
    let mut table = PortTable::new();
    let (p1, p2) = table.create_entangled_pair(at(A));
    table.post_message(p1, 1).unwrap();
    table.ship(p2).unwrap();
    let closed = table.close(p1);
    assert!(closed.is_empty(), "nobody to notify yet: {closed:?}");
    assert_eq!(table.arrive(p2, at(B)), Ok(()));
    assert!(!table.take_close(p2, B), "its queue is disabled on arrival");
    assert_eq!(
        table.start(p2).unwrap(),
        vec![message_notice(at(B), p2), close_notice(at(B), p2)]
    );
    assert_eq!(table.take_message(p2, B), Some(1));
    assert!(table.take_close(p2, B));
}

#[test]
fn a_close_notice_overtaken_by_a_ship_is_delivered_at_the_new_home() {
    let mut table = PortTable::<u32>::new();
    let (p1, p2) = table.create_entangled_pair(at(A));
    table.start(p2).unwrap();
    let closed = table.close(p1);
    assert_eq!(closed.notices, vec![close_notice(at(A), p2)]);
    // A ships p2 before the close notice's task runs.
    table.ship(p2).unwrap();
    assert!(!table.take_close(p2, A), "stale at A");
    assert_eq!(table.arrive(p2, at(B)), Ok(()));
    assert!(!table.take_close(p2, B), "disabled on arrival");
    assert_eq!(table.start(p2).unwrap(), vec![close_notice(at(B), p2)]);
    assert!(table.take_close(p2, B));
    // Once fired, a later move owes nothing.
    table.ship(p2).unwrap();
    assert_eq!(table.arrive(p2, at(A)), Ok(()));
    assert_eq!(table.start(p2).unwrap(), vec![]);
}

#[test]
fn a_close_notice_run_after_start_still_comes_after_the_messages() {
    // `port1.postMessage(x); port1.close(); port2.onmessage = f;` in one task.
    let mut table = PortTable::new();
    let (p1, p2) = table.create_entangled_pair(at(A));
    table.post_message(p1, 1).unwrap();
    assert!(table.close(p1).notices.is_empty(), "p2 not started yet");
    let notices = table.start(p2).unwrap();
    assert_eq!(
        notices,
        vec![message_notice(at(A), p2), close_notice(at(A), p2)]
    );
    // Even a close task run before the message's (it cannot be, FIFO, but the table does not
    // rely on that) finds the message still waiting and fires nothing.
    assert!(!table.take_close(p2, A), "a message still waits");
    assert_eq!(table.take_message(p2, A), Some(1));
    assert!(table.take_close(p2, A));
}

#[test]
fn discard_closes_a_port_lost_in_transit_only() {
    let mut table = PortTable::new();
    let (p1, p2) = table.create_entangled_pair(at(A));
    table.post_message(p2, 7).unwrap();
    assert!(table.discard(p1).is_empty(), "not in transit: left alone");
    table.ship(p1).unwrap();
    let lost = table.discard(p1);
    assert_eq!(
        lost.notices,
        vec![],
        "p2 is not started: its close waits for start()"
    );
    assert_eq!(table.start(p2).unwrap(), vec![close_notice(at(A), p2)]);
    assert_eq!(lost.dropped, vec![7]);
    assert_eq!(table.len(), 1);
    assert!(table.discard(p1).is_empty(), "unknown: nothing");
}

#[test]
fn destroying_a_document_closes_its_ports_and_notifies_the_others() {
    let mut table = PortTable::new();
    let (a1, a2) = table.create_entangled_pair(at(A)); // both in A's document
    let (b1, b2) = table.create_entangled_pair(at(A));
    table.ship(b2).unwrap();
    table.arrive(b2, at(B)).unwrap();
    table.start(b2).unwrap();
    let (c1, c2) = table.create_entangled_pair(at(A));
    table.ship(c2).unwrap();
    table.post_message(a1, 1).unwrap();
    table.post_message(b2, 2).unwrap();
    let gone = table.document_destroyed(at(A).document);
    // a1 and a2 went together: no close for either; b2 lives at B; c2 is in transit.
    assert_eq!(gone.notices, vec![close_notice(at(B), b2)]);
    assert_eq!(gone.dropped, vec![1, 2], "a2's queue, then b1's");
    assert_eq!(table.ports().collect::<Vec<_>>(), vec![b2, c2]);
    assert_eq!(table.entangled_with(b2), None);
    assert_eq!(table.arrive(c2, at(B)), Ok(()));
    assert_eq!(table.start(c2).unwrap(), vec![close_notice(at(B), c2)]);
    let _ = (a2, b1, c1);
}

#[test]
fn the_shared_table_survives_a_poisoned_lock() {
    let ports = std::sync::Arc::new(MessagePorts::<u32>::new());
    let (p1, _) = ports.with(|t| t.create_entangled_pair(at(A)));
    let shared = std::sync::Arc::clone(&ports);
    let panicked = std::thread::spawn(move || shared.with(|_| panic!("a panic under the lock")))
        .join()
        .is_err();
    assert!(panicked);
    assert_eq!(ports.with(|t| t.owner(p1)), Some(at(A)));
}

#[test]
fn message_ports_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<MessagePorts<Box<u32>>>();
}
