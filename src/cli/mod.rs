//! The command line: one module per subcommand (its args and its `run`), nothing else here but
//! the top-level parser and the exit-code convention.

pub mod extract;
pub mod schema;

use clap::{Parser, Subcommand};

/// Exit codes: 0 all ok, 1 some error records (or check mismatches), 2 usage or fatal error.
pub const EXIT_OK: i32 = 0;
pub const EXIT_SOME_ERRORS: i32 = 1;
pub const EXIT_FATAL: i32 = 2;

#[derive(Debug, Parser)]
#[command(name = "dafu", version, about = "Turn Chinese government reply documents (建议/提案答复) into JSON records")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract one JSON record per document
    Extract(extract::Args),
    /// Print the JSON Schema of the record
    Schema(schema::Args),
}

/// Run the parsed command; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Schema(args) => schema::run(args),
    }
}
