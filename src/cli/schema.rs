//! `dafu schema`: print the JSON Schema of the record, generated from the Rust type.

use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<i32> {
    let schema = crate::record::json_schema();
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &schema)?;
    writeln!(out)?;
    Ok(super::EXIT_OK)
}
