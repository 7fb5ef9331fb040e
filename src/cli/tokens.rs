//! `dafu tokens FILE`: one document's segmentation, for users tuning their dictionary.

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The document to segment
    pub file: std::path::PathBuf,
}

pub fn run(_args: Args) -> anyhow::Result<i32> {
    anyhow::bail!("dafu tokens is not built yet")
}
