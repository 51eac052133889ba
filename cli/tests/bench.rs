//! `postern bench`: every benchmark page runs (each workload once, on a thousandth of its
//! count, `--quick`), prints its machine-readable lines, and the table lists them all.

mod common;

use common::postern;

#[test]
fn every_benchmark_page_runs_and_reaches_the_table() {
    let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/pages");
    let ran = postern(&["bench", "--quick", "--pages", pages], &[]);
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    for name in [
        "post_message.self.one_way",
        "post_message.self.chained_hop",
        "iframe.same_origin.round_trip",
        "iframe.cross_site.round_trip",
        "iframe.cross_site.round_trip_after_100k",
        "iframe.cross_site.round_trip_1mib_transferred",
        "iframe.cross_site.round_trip_1mib_copied",
        "channel.same_thread.one_way",
        "channel.same_thread.round_trip",
        "channel.cross_agent.round_trip",
        "clone.small_objects_10k",
        "clone.map_10k_cycles",
        "clone.float64array_1m",
        "clone.arraybuffer_64mib_copy",
        "clone.arraybuffer_64mib_transfer",
    ] {
        assert!(
            ran.stdout.contains(&format!("BENCH name={name} value=")),
            "no figure for {name}:\n{}",
            ran.stdout
        );
        assert!(
            ran.stdout.contains(&format!("| {name} | ")),
            "no row for {name}:\n{}",
            ran.stdout
        );
    }
    assert!(ran.stdout.contains("Note: peers not run"), "{}", ran.stdout);
}
