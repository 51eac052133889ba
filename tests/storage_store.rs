//! The embedding API's storage store (issue 16): `localStorage` handed in by the embedder
//! survives from one `UserAgent` to the next; `sessionStorage` does not; without a store,
//! each user agent starts empty.

use std::sync::Arc;

use postern::{MemoryStorageStore, StorageStore};
use postern_conformance::{repo_root, run_site_with_storage};

#[test]
fn local_storage_survives_across_user_agents_through_the_store() {
    let site = repo_root()
        .join("tests")
        .join("pages")
        .join("storage-store");
    let store: Arc<dyn StorageStore> = Arc::new(MemoryStorageStore::new());
    let run = |store: Option<Arc<dyn StorageStore>>| {
        run_site_with_storage(&site, "http://a.test/", store).lines
    };
    let line = |l: &str| vec![format!("[http://a.test] {l}")];
    assert_eq!(
        run(Some(store.clone())),
        line("run 1, keys runs, session 0")
    );
    assert_eq!(
        run(Some(store.clone())),
        line("run 2, keys runs, session 0")
    );
    assert_eq!(
        store.load("http://a.test"),
        vec![("runs".to_owned(), "2".to_owned())]
    );
    // Without the store, a user agent's localStorage is its own.
    assert_eq!(run(None), line("run 1, keys runs, session 0"));
    assert_eq!(run(Some(store)), line("run 3, keys runs, session 0"));
}

#[test]
fn the_builder_hands_the_store_in() {
    use postern::{CollectingConsole, UserAgent};
    let store: Arc<dyn StorageStore> = Arc::new(MemoryStorageStore::new());
    let run = || {
        let console = CollectingConsole::new();
        let mut ua = UserAgent::builder()
            .console(Arc::new(console.clone()))
            .virtual_time()
            .storage_store(store.clone())
            .build()
            .expect("a user agent");
        ua.open_html(
            "http://a.test/",
            "<script>const n = Number(localStorage.n || 0) + 1; localStorage.n = n; console.log(n)</script>",
        )
        .expect("the page opens");
        ua.run_until_idle();
        drop(ua);
        console.lines()
    };
    assert_eq!(run(), ["[http://a.test] 1"]);
    assert_eq!(
        run(),
        ["[http://a.test] 2"],
        "the second user agent reads what the first saved"
    );
    assert_eq!(
        store.load("http://a.test"),
        vec![("n".to_owned(), "2".to_owned())]
    );
}
