//! `dafu schema`: print the JSON Schema of the record, generated from the Rust type.

use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<i32> {
    let schema = crate::record::json_schema();
    let mut text = serde_json::to_string_pretty(&schema)?;
    text.push('\n');
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        // `dafu schema | head`: the reader has what it wanted.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(super::EXIT_OK),
    }
}
