//! Writes the `decode_record` fuzz target's seed corpus: one encoded real record per file,
//! in `fuzz/corpus/decode_record/` (or the directory given as the first argument).
//!
//! `cargo run -p postern-clone --example write_fuzz_seeds`

#[path = "../tests/common/seeds.rs"]
mod seeds;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/decode_record"),
    };
    std::fs::create_dir_all(&dir)?;
    for (name, record) in seeds::sample_records() {
        let bytes = record.to_bytes()?;
        let path = dir.join(format!("{name}.bin"));
        std::fs::write(&path, &bytes)?;
        println!("{} ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}
