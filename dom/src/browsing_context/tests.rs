use super::*;

const DOC: DocumentId = DocumentId(1);

fn container(n: u32) -> (DocumentId, NodeId) {
    (DOC, NodeId(n))
}

#[test]
fn top_level_contexts() {
    let mut tree = BrowsingContextTree::new();
    let a = tree.create_top_level("main".into());
    let b = tree.create_top_level(String::new());
    assert_ne!(a, b);
    let ctx = tree.get(a).expect("a");
    assert_eq!((ctx.id, ctx.parent, ctx.name.as_str()), (a, None, "main"));
    assert_eq!(ctx.container, None);
    assert_eq!(tree.parent(a), None);
    assert_eq!(tree.top(a), Some(a));
    assert!(tree.children(a).is_empty());
    assert_eq!(tree.ids().collect::<Vec<_>>(), vec![a, b]);
}

#[test]
fn children_parent_and_top() {
    let mut tree = BrowsingContextTree::new();
    let top = tree.create_top_level(String::new());
    let first = tree
        .create_child(top, container(5), "f".into())
        .expect("child");
    let second = tree
        .create_child(top, container(9), "g".into())
        .expect("child");
    let nested = tree
        .create_child(first, (DocumentId(2), NodeId(3)), String::new())
        .expect("nested");
    assert_eq!(tree.children(top), &[first, second]);
    assert_eq!(tree.parent(nested), Some(first));
    assert_eq!(tree.top(nested), Some(top));
    assert_eq!(tree.ancestors(nested), vec![first, top]);
    assert_eq!(
        tree.get(first).and_then(|c| c.container),
        Some(container(5))
    );
    assert_eq!(
        tree.inclusive_descendants(top),
        vec![top, first, nested, second]
    );
    assert_eq!(tree.child_by_container(top, container(9)), Some(second));

    let unknown = BrowsingContextId(999);
    assert_eq!(
        tree.create_child(unknown, container(1), String::new()),
        Err(TreeError::UnknownContext(unknown))
    );
    assert_eq!(tree.top(unknown), None);
    assert!(tree.children(unknown).is_empty());
}

#[test]
fn names_and_documents() {
    let mut tree = BrowsingContextTree::new();
    let top = tree.create_top_level(String::new());
    let a = tree.create_child(top, container(1), "x".into()).expect("a");
    let b = tree.create_child(top, container(2), "x".into()).expect("b");
    let c = tree
        .create_child(top, container(3), String::new())
        .expect("c");
    assert_eq!(tree.child_by_name(top, "x"), Some(a));
    assert_eq!(tree.child_by_name(top, ""), None);
    assert_eq!(tree.child_by_name(top, "y"), None);
    tree.set_name(c, "y".into()).expect("rename");
    assert_eq!(tree.child_by_name(top, "y"), Some(c));
    tree.set_name(a, "z".into()).expect("rename");
    assert_eq!(tree.child_by_name(top, "x"), Some(b));

    assert_eq!(tree.active_document(a), None);
    tree.set_active_document(a, DocumentId(7)).expect("set");
    assert_eq!(tree.active_document(a), Some(DocumentId(7)));
    tree.set_active_document(a, DocumentId(8))
        .expect("navigate");
    assert_eq!(tree.active_document(a), Some(DocumentId(8)));
    let unknown = BrowsingContextId(999);
    assert!(tree.set_active_document(unknown, DocumentId(1)).is_err());
}

#[test]
fn remove_takes_descendants() {
    let mut tree = BrowsingContextTree::new();
    let top = tree.create_top_level(String::new());
    let a = tree
        .create_child(top, container(1), String::new())
        .expect("a");
    let a1 = tree
        .create_child(a, container(2), String::new())
        .expect("a1");
    let a2 = tree
        .create_child(a1, container(3), String::new())
        .expect("a2");
    let b = tree
        .create_child(top, container(4), String::new())
        .expect("b");
    let popup = tree.create_top_level(String::new());
    tree.set_opener(popup, Some(a)).expect("opener");

    assert_eq!(tree.remove(a), vec![a, a1, a2]);
    assert_eq!(tree.children(top), &[b]);
    for gone in [a, a1, a2] {
        assert!(tree.get(gone).is_none());
    }
    // The popup keeps its (now removed) opener's id.
    assert_eq!(tree.get(popup).and_then(|p| p.opener), Some(a));
    assert!(tree.remove(a).is_empty());
    assert_eq!(tree.remove(top), vec![top, b]);
    assert_eq!(tree.ids().collect::<Vec<_>>(), vec![popup]);
}

#[test]
fn tree_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<BrowsingContextTree>();
    assert_send_sync::<BrowsingContext>();
}
