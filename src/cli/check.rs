//! `dafu check DIR`: golden-file comparison for CI (implemented with the golden sink).

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of <case>/input.txt + <case>/expected.json
    pub dir: std::path::PathBuf,
}

pub fn run(_args: Args) -> anyhow::Result<i32> {
    anyhow::bail!("dafu check is not built yet")
}
