use url::Url;

use super::*;
use crate::ids::{DocumentId, NodeId};
use crate::origin::origin_of_url;
use crate::site::obtain_a_site;

fn origin(url: &str) -> Origin {
    origin_of_url(&Url::parse(url).expect("test URL parses"))
}

#[test]
fn each_top_level_context_gets_a_new_group() {
    let mut tree = BrowsingContextTree::new();
    let a = tree.create_top_level("a".into());
    let (b, group_b) = tree.create_a_new_top_level_browsing_context(String::new());
    let group_a = tree.group_of(a).expect("a has a group");
    assert_ne!(group_a, group_b);
    assert_eq!(tree.group_of(b), Some(group_b));
    assert_eq!(tree.browsing_context_set(group_a), &[a]);
    assert_eq!(tree.browsing_context_set(group_b), &[b]);
    assert_eq!(tree.group_ids().collect::<Vec<_>>(), vec![group_a, group_b]);
    let context = tree.get(a).expect("a");
    assert_eq!(
        (context.group, context.is_auxiliary),
        (Some(group_a), false)
    );
}

#[test]
fn children_belong_to_their_top_level_group_without_being_in_its_set() {
    let mut tree = BrowsingContextTree::new();
    let (top, group) = tree.create_a_new_top_level_browsing_context(String::new());
    let child = tree
        .create_child(top, (DocumentId(1), NodeId(1)), String::new())
        .expect("child");
    let grandchild = tree
        .create_child(child, (DocumentId(2), NodeId(1)), String::new())
        .expect("grandchild");
    assert_eq!(tree.group_of(child), Some(group));
    assert_eq!(tree.group_of(grandchild), Some(group));
    assert_eq!(tree.get(child).and_then(|c| c.group), None);
    assert_eq!(tree.browsing_context_set(group), &[top]);
}

#[test]
fn auxiliary_contexts_share_the_openers_group() {
    let mut tree = BrowsingContextTree::new();
    let (top, group) = tree.create_a_new_top_level_browsing_context(String::new());
    let frame = tree
        .create_child(top, (DocumentId(1), NodeId(1)), String::new())
        .expect("frame");
    // A popup opened from an iframe joins the iframe's top-level group.
    let popup = tree
        .create_a_new_auxiliary_browsing_context(frame, "w".into())
        .expect("popup");
    let context = tree.get(popup).expect("popup");
    assert_eq!(context.parent, None);
    assert_eq!(context.opener, Some(frame));
    assert!(context.is_auxiliary);
    assert_eq!(context.name, "w");
    assert_eq!(tree.group_of(popup), Some(group));
    assert_eq!(tree.browsing_context_set(group), &[top, popup]);
    // A popup's popup too.
    let second = tree
        .create_a_new_auxiliary_browsing_context(popup, String::new())
        .expect("second");
    assert_eq!(tree.browsing_context_set(group), &[top, popup, second]);

    let unknown = BrowsingContextId(999);
    assert_eq!(
        tree.create_a_new_auxiliary_browsing_context(unknown, String::new()),
        Err(TreeError::UnknownContext(unknown))
    );
}

#[test]
fn create_top_level_in_existing_group() {
    let mut tree = BrowsingContextTree::new();
    let (a, group) = tree.create_a_new_top_level_browsing_context(String::new());
    let b = tree
        .create_top_level_in_group(group, String::new())
        .expect("b");
    assert_eq!(tree.browsing_context_set(group), &[a, b]);
    assert!(!tree.get(b).expect("b").is_auxiliary);
    let unknown = BrowsingContextGroupId(999);
    assert_eq!(
        tree.create_top_level_in_group(unknown, String::new()),
        Err(TreeError::UnknownGroup(unknown))
    );
    assert!(tree.group_mut(unknown).is_err());
    assert!(tree.browsing_context_set(unknown).is_empty());
}

#[test]
fn removing_the_last_top_level_context_removes_the_group() {
    let mut tree = BrowsingContextTree::new();
    let (top, group) = tree.create_a_new_top_level_browsing_context(String::new());
    let popup = tree
        .create_a_new_auxiliary_browsing_context(top, String::new())
        .expect("popup");
    let other = tree.create_top_level(String::new());
    let child = tree
        .create_child(top, (DocumentId(1), NodeId(1)), String::new())
        .expect("child");

    // Removing a child leaves the group as it was.
    assert_eq!(tree.remove(child), vec![child]);
    assert_eq!(tree.browsing_context_set(group), &[top, popup]);
    // The opener's tab goes; the popup keeps the group alive.
    assert_eq!(tree.remove(top), vec![top]);
    assert_eq!(tree.browsing_context_set(group), &[popup]);
    assert!(tree.group(group).is_some());
    // The last one goes: so does the group.
    assert_eq!(tree.remove(popup), vec![popup]);
    assert!(tree.group(group).is_none());
    assert_eq!(tree.group_ids().count(), 1);
    assert!(tree.group_of(other).is_some());
}

#[test]
fn agent_cluster_keys_in_a_group() {
    let mut tree = BrowsingContextTree::new();
    let (_, group_id) = tree.create_a_new_top_level_browsing_context(String::new());
    let group = tree.group_mut(group_id).expect("group");
    let a = origin("https://a.example.com/");
    let b = origin("https://b.example.com/");
    let c = origin("https://c.example.com/");

    // Default: site-keyed, and remembered.
    let site_key = AgentClusterKey::Site(obtain_a_site(&a));
    assert_eq!(group.obtain_agent_cluster_key(&a, false), site_key);
    assert_eq!(group.historical_agent_cluster_key(&a), Some(&site_key));
    // Later asking for origin keying does not change a recorded origin's key.
    assert_eq!(group.obtain_agent_cluster_key(&a, true), site_key);

    // A new origin asking for it gets an origin key, and keeps it.
    let origin_key = AgentClusterKey::Origin(b.clone());
    assert_eq!(group.obtain_agent_cluster_key(&b, true), origin_key);
    assert_eq!(group.obtain_agent_cluster_key(&b, false), origin_key);

    // The recorded key ignores a domain set through document.domain later.
    let mut a_relaxed = a.clone();
    a_relaxed.set_domain(Some("example.com".into()));
    assert_eq!(group.obtain_agent_cluster_key(&a_relaxed, true), site_key);

    // A cross-origin isolated group keys by origin and records nothing.
    group.cross_origin_isolation_mode = CrossOriginIsolationMode::Concrete;
    assert_eq!(
        group.obtain_agent_cluster_key(&c, false),
        AgentClusterKey::Origin(c.clone())
    );
    assert_eq!(group.historical_agent_cluster_key(&c), None);
}

#[test]
fn group_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<BrowsingContextGroup>();
}
